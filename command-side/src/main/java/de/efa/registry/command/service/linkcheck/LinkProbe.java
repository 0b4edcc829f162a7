package de.efa.registry.command.service.linkcheck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Probes one URL: HEAD first (no body travels), GET when the server refuses HEAD (405, 501), following redirects.
 * Asynchronous on the JDK client, so a slow site holds no thread while it keeps the probe waiting.
 */
class LinkProbe {

    static final String USER_AGENT = "EfA-Registry-LinkChecker/1.0";

    private final HttpClient client;
    private final Duration timeout;

    LinkProbe(Duration timeout, Executor executor) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout)
                .executor(executor)
                .build();
    }

    CompletableFuture<ProbeResult> probe(URI url) {
        CompletableFuture<HttpResponse<Void>> sent;
        try {
            sent = send(url, "HEAD");
        } catch (IllegalArgumentException e) {
            // an address the client cannot request at all (a stray character the lookup's check let through)
            return CompletableFuture.completedFuture(ProbeResult.failed("not a requestable address"));
        }
        return sent.thenCompose(head -> {
            if (head.statusCode() == 405 || head.statusCode() == 501) {
                return send(url, "GET").thenApply(get -> ProbeResult.answered(get.statusCode(), "GET"));
            }
            return CompletableFuture.completedFuture(ProbeResult.answered(head.statusCode(), "HEAD"));
        }).exceptionally(LinkProbe::failure);
    }

    private CompletableFuture<HttpResponse<Void>> send(URI url, String method) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private static ProbeResult failure(Throwable thrown) {
        Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof HttpConnectTimeoutException) {
            return ProbeResult.failed("connection timed out");
        }
        if (cause instanceof HttpTimeoutException) {
            return ProbeResult.failed("no answer within the timeout");
        }
        if (cause instanceof IOException) {
            return ProbeResult.failed("connection failed: " + cause.getClass().getSimpleName());
        }
        return ProbeResult.failed("probe failed: " + cause.getClass().getSimpleName());
    }
}
