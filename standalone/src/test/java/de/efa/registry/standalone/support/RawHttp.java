package de.efa.registry.standalone.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP/1.1 client for tests that must send exactly the bytes, path and headers they mean (a raw
 * {@code ..%2F} in a path, a truncated body, a wrong content type), which template clients would "fix".
 */
public final class RawHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String defaultPassword;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public RawHttp(int port) {
        this("http://127.0.0.1:" + port, "demo");
    }

    /** A client whose callers use {@code defaultPassword} unless told otherwise. */
    public RawHttp(String base, String defaultPassword) {
        this.base = base;
        this.defaultPassword = defaultPassword;
    }

    /** One answer: status, headers and the body as text. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** A request under construction. */
    public final class Call {
        private final String method;
        private final String path;
        private String user;
        private String password = defaultPassword;
        private String authorization;
        private String contentType;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call as(String user) {
            this.user = user;
            return this;
        }

        public Call as(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        public Call bearer(String token) {
            this.authorization = "Bearer " + token;
            return this;
        }

        public Call json(Object value) {
            try {
                return body("application/json", JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Call body(String contentType, String text) {
            return body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public Call body(String contentType, byte[] bytes) {
            this.contentType = contentType;
            this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        /** A body without Content-Length (chunked), so only counting the bytes can find it too large. */
        public Call chunked(String contentType, byte[] bytes) {
            this.contentType = contentType;
            this.body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Answer send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).method(method, body);
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Answer(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }
}
