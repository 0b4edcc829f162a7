package de.efa.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/registry.http}, the request collection a newcomer runs against the standalone registry, runs here
 * against a fresh one, top to bottom, and every request answers the status its {@code # expect:} line names. This
 * reads the subset of the REST Client format the file uses: file variables, {@code # @name}, {@code $randomInt}, and
 * an earlier answer's body field ({@code $.field}) or header.
 */
class RequestCollectionHttpTest extends StandaloneHttpTestBase {

    private static final Path COLLECTION = Path.of("..", "docs", "registry.http");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private static final Pattern FILE_VARIABLE = Pattern.compile("^@(\\w+)\\s*=\\s*(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, HttpResponse<String>> named = new HashMap<>();

    @Test
    void everyRequestOfTheCollectionAnswersWhatItSays() throws Exception {
        List<Block> blocks = read(Files.readAllLines(COLLECTION, StandardCharsets.UTF_8));
        variables.put("base", "http://127.0.0.1:" + port);

        assertThat(blocks).hasSizeGreaterThan(15);
        for (Block block : blocks) {
            HttpResponse<String> answer = send(block);
            assertThat(answer.statusCode()).as("%s%n%s %s%n→ %s", block.title, block.method, block.url, answer.body())
                    .isEqualTo(block.expected);
            if (block.name != null) {
                named.put(block.name, answer);
            }
        }
    }

    private HttpResponse<String> send(Block block) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(resolve(block.url)));
        block.headers.forEach((name, value) -> request.header(name, header(name, resolve(value))));
        String body = resolve(block.body);
        request.method(block.method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** REST Client encodes {@code Basic user:password} itself. */
    private static String header(String name, String value) {
        if (name.equalsIgnoreCase("Authorization") && value.startsWith("Basic ") && value.contains(":")) {
            return "Basic " + Base64.getEncoder().encodeToString(value.substring(6).strip().getBytes(StandardCharsets.UTF_8));
        }
        return value;
    }

    private String resolve(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value(matcher.group(1))));
        }
        return matcher.appendTail(resolved).toString();
    }

    private String value(String expression) {
        if (expression.startsWith("$randomInt")) {
            String[] bounds = expression.split("\\s+");
            return Integer.toString(ThreadLocalRandom.current().nextInt(Integer.parseInt(bounds[1]), Integer.parseInt(bounds[2])));
        }
        if (variables.containsKey(expression)) {
            return variables.get(expression);
        }
        String[] reference = expression.split("\\.", 4); // name.response.body.$.field or name.response.headers.Name
        HttpResponse<String> answer = named.get(reference[0]);
        assertThat(answer).as("an earlier request named %s", reference[0]).isNotNull();
        if (reference[2].equals("headers")) {
            return answer.headers().firstValue(reference[3]).orElseThrow(() -> new AssertionError("no header " + expression));
        }
        try {
            JsonNode node = JSON.readTree(answer.body());
            for (String field : reference[3].substring(2).split("\\.")) {
                node = node.path(field);
            }
            assertThat(node.isMissingNode()).as("%s in %s", expression, answer.body()).isFalse();
            return node.asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    private List<Block> read(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        Block block = null;
        boolean inBody = false;
        for (String line : lines) {
            Matcher fileVariable = FILE_VARIABLE.matcher(line);
            if (line.startsWith("###")) {
                block = new Block(line.substring(3).strip());
                blocks.add(block);
                inBody = false;
            } else if (block == null || (block.method == null && line.isBlank())) {
                if (fileVariable.matches() && !variables.containsKey(fileVariable.group(1))) {
                    variables.put(fileVariable.group(1), fileVariable.group(2).strip());
                }
            } else if (block.method == null && line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("@name ")) {
                    block.name = comment.substring(6).strip();
                } else if (comment.startsWith("expect:")) {
                    block.expected = Integer.parseInt(comment.substring(7).strip());
                }
            } else if (block.method == null) {
                String[] requestLine = line.strip().split("\\s+");
                block.method = requestLine[0];
                block.url = requestLine[1];
            } else if (!inBody && line.isBlank()) {
                inBody = true;
            } else if (!inBody) {
                int colon = line.indexOf(':');
                block.headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            } else {
                block.body = block.body.isEmpty() ? line : block.body + "\n" + line;
            }
        }
        blocks.forEach(b -> assertThat(b.expected).as("%s names the status it expects", b.title).isPositive());
        return blocks;
    }

    private static final class Block {
        final String title;
        final Map<String, String> headers = new LinkedHashMap<>();
        String name;
        int expected;
        String method;
        String url;
        String body = "";

        Block(String title) {
            this.title = title;
        }
    }
}
