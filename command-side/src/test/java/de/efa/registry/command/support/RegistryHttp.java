package de.efa.registry.command.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/** Calls the admin API as one of the demo principals. */
public record RegistryHttp(TestRestTemplate http) {

    public ResponseEntity<Map> post(String user, String path, Object body) {
        return post(user, path, body, null);
    }

    public ResponseEntity<Map> post(String user, String path, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    public ResponseEntity<Map> postText(String user, String path, byte[] body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    public ResponseEntity<Map> delete(String user, String path) {
        return as(user).exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, Map.class);
    }

    private TestRestTemplate as(String user) {
        return user == null ? http : http.withBasicAuth(user, "demo");
    }
}
