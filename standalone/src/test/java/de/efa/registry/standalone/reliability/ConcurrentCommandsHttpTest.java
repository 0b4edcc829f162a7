package de.efa.registry.standalone.reliability;

import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.platform.store.RegistryProperties;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen clients at once on one aggregate — versions of one service, adoptions of one service by one municipality —
 * against one instance and against two command-side instances on one store. Whatever was acknowledged is stored
 * exactly once, a real conflict answers 409, a lost optimistic lock is retried (so distinct versions answer 201 or
 * 422 by the rules, never 409), and nothing answers 5xx.
 */
class ConcurrentCommandsHttpTest extends StandaloneHttpTestBase {

    private static final int CLIENTS = 16;

    @Autowired
    private ApplicationContext context;

    @Test
    void sixteenClientsOnOneInstance() throws Exception {
        contend(List.of(http));
    }

    @Test
    void handlersRunWithoutAxonsTimeLimitedTasks() {
        // Axon's handler timeouts took each handler thread's whole call stack; every store call is bounded instead
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context.getBean(RegistryProperties.class).mongodb().readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void sixteenClientsOnTwoCommandSideInstancesSharingTheStore() throws Exception {
        // the second instance also shows that the demo password is configuration, not code
        String password = "configured-" + java.util.UUID.randomUUID();
        // command-line arguments: they outrank the application.yml files on the test class path
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--registry.mongodb.uri=" + TestStore.uri(),
                "--registry.mongodb.database=" + registryDatabase.getName(),
                "--registry.security.mode=basic",
                "--registry.demo.password=" + password,
                "--registry.event-store.fetch-delay=20ms")) {
            int secondPort = ((ServletWebServerApplicationContext) second).getWebServer().getPort();
            RawHttp secondInstance = new RawHttp("http://127.0.0.1:" + secondPort, password);
            assertThat(secondInstance.get("/api/v1/services/x").as("admin", "demo").send().status()).isEqualTo(401);
            contend(List.of(http, secondInstance));
        }
    }

    private void contend(List<RawHttp> instances) throws Exception {
        String serviceId = registerService("thueringen", "16", "EFA");

        // the same version sixteen times: one wins, the rest are duplicates
        List<RawHttp.Answer> same = concurrently(i -> instances.get(i % instances.size())
                .post("/api/v1/services/" + serviceId + "/versions").as("thueringen")
                .json(map("version", "1.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01")).send());
        assertThat(statuses(same)).as("%s", same).containsOnly(201, 409);
        assertThat(statuses(same).stream().filter(s -> s == 201)).hasSize(1);

        // sixteen different versions: each either becomes the latest (201) or is not higher than it (422)
        List<String> versions = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            versions.add("1." + i + ".0");
        }
        Collections.shuffle(versions);
        List<RawHttp.Answer> distinct = concurrently(i -> instances.get(i % instances.size())
                .post("/api/v1/services/" + serviceId + "/versions").as("thueringen")
                .json(map("version", versions.get(i), "maturityLevel", 3, "releasedOn", "2022-01-01")).send());
        assertThat(statuses(distinct)).as("%s", distinct).containsOnly(201, 422);

        List<String> acknowledged = new ArrayList<>(List.of("1.0.0"));
        for (int i = 0; i < CLIENTS; i++) {
            if (distinct.get(i).status() == 201) {
                acknowledged.add(versions.get(i));
            }
        }
        List<String> stored = history(serviceId).stream().filter(e -> "VersionPublished".equals(e.get("type")))
                .map(e -> (String) payload(e).get("version")).toList();
        assertThat(stored).as("every acknowledged version stored once, in increasing order")
                .containsExactlyInAnyOrderElementsOf(acknowledged)
                .isSortedAccordingTo((a, b) -> Integer.compare(minor(a), minor(b)));

        // one municipality adopts the service sixteen times: one adoption, fifteen conflicts
        List<RawHttp.Answer> adoptions = concurrently(i -> instances.get(i % instances.size())
                .post("/api/v1/adoptions").as("thueringen")
                .json(map("serviceId", serviceId, "ags", "16051000", "effectiveFrom", "2023-07-01")).send());
        assertThat(statuses(adoptions)).as("%s", adoptions).containsOnly(201, 409);
        List<String> adopted = adoptions.stream().filter(a -> a.status() == 201).map(a -> (String) a.json().get("adoptionId")).toList();
        assertThat(adopted).hasSize(1);
        List<String> started = history("16051000").stream()
                .filter(e -> "AdoptionStarted".equals(e.get("type")) && serviceId.equals(payload(e).get("serviceId")))
                .map(e -> (String) payload(e).get("adoptionId")).toList();
        assertThat(started).containsExactlyElementsOf(adopted);
        // the conflicts name the rule, never a stack trace
        adoptions.stream().filter(a -> a.status() == 409).forEach(a -> {
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            assertThat(a.body()).doesNotContain("Exception", "\tat ");
        });
    }

    private static List<RawHttp.Answer> concurrently(IntFunction<RawHttp.Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        try {
            List<CompletableFuture<RawHttp.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return call.apply(client);
                }, pool));
            }
            List<RawHttp.Answer> result = new ArrayList<>();
            for (CompletableFuture<RawHttp.Answer> answer : answers) {
                result.add(answer.get(120, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> statuses(List<RawHttp.Answer> answers) {
        return answers.stream().map(RawHttp.Answer::status).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) Objects.requireNonNull(event.get("payload"));
    }

    private static int minor(String version) {
        return Integer.parseInt(version.split("\\.")[1]);
    }
}
