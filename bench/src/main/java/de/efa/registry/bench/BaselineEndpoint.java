package de.efa.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bson.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The limit for "HTTP + store" on this machine: an HTTP endpoint in the bench JVM (JDK {@code HttpServer}, keep-alive,
 * one worker thread per client) that takes the same {@code POST /api/v1/adoptions} body, checks that the Basic
 * credentials are present, parses the JSON, does one {@code insertOne} into the same MongoDB server (a collection
 * with a unique index on municipality + service) and answers 201 with an adoption id — nothing else: no
 * authorization, no rules, no event, no projection.
 */
final class BaselineEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final MongoCollection<Document> adoptions;

    BaselineEndpoint(MongoCollection<Document> adoptions, int threads) throws IOException {
        this.adoptions = adoptions;
        adoptions.createIndex(Indexes.ascending("ags", "serviceId"), new IndexOptions().unique(true));
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else Nagle + delayed ACK add ~40 ms per answer
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        this.workers = Executors.newFixedThreadPool(threads);
        server.setExecutor(workers);
        server.createContext("/api/v1/adoptions", this::adopt);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void adopt(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod()) || auth == null || !auth.startsWith("Basic ")) {
                respond(exchange, 401, "{}");
                return;
            }
            JsonNode request = RegistryHttp.JSON.readTree(body);
            String adoptionId = UUID.randomUUID().toString();
            String version = request.path("version").asText("1.0.0");
            adoptions.insertOne(new Document("_id", adoptionId)
                    .append("serviceId", request.path("serviceId").asText())
                    .append("ags", request.path("ags").asText())
                    .append("version", version)
                    .append("effectiveFrom", request.path("effectiveFrom").asText())
                    .append("principal", "admin")
                    .append("at", new Date()));
            respond(exchange, 201, "{\"adoptionId\":\"" + adoptionId + "\",\"version\":\"" + version + "\"}");
        } catch (RuntimeException e) {
            respond(exchange, 500, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
