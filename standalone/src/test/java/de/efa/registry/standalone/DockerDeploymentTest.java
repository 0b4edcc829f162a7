package de.efa.registry.standalone;

import de.efa.registry.testsupport.TestStore;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so this checks what can be checked without one: the compose file parses and has the
 * intended topology, and each image's entry point runs the jar the build produces, as a non-root user.
 */
class DockerDeploymentTest {

    private final Path docker = TestStore.projectRoot().resolve("docker");

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileParsesAndDescribesTheReplicaSetAndBothSidesTwice() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(docker.resolve("compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        assertThat(services).containsKeys("mongo-1", "mongo-2", "mongo-3", "mongo-init", "command-side-1",
                "command-side-2", "query-side-1", "query-side-2", "gateway");
        for (String mongo : List.of("mongo-1", "mongo-2", "mongo-3")) {
            Map<String, Object> node = (Map<String, Object>) services.get(mongo);
            // authentication: members prove themselves with the keyfile, clients with an account
            assertThat(String.join(" ", (List<String>) node.get("entrypoint"))).contains("--replSet rs0", "--keyFile");
            assertThat((Map<String, String>) node.get("environment")).containsKeys("MONGO_INITDB_ROOT_USERNAME_FILE",
                    "MONGO_INITDB_ROOT_PASSWORD_FILE");
        }
        Map<String, Object> commandSide = (Map<String, Object>) services.get("command-side-1");
        Map<String, String> environment = (Map<String, String>) commandSide.get("environment");
        // compose passes $$ on as $; Spring then fills the placeholder from the secret's file (configtree)
        String uri = environment.get("REGISTRY_MONGODB_URI").replace("$$", "$");
        java.util.Properties secrets = new java.util.Properties();
        secrets.setProperty("registry-db-password", "0123abcd");
        assertThat(new org.springframework.util.PropertyPlaceholderHelper("${", "}").replacePlaceholders(uri, secrets))
                .startsWith("mongodb://registry:0123abcd@mongo-1:27017,")
                .contains("replicaSet=rs0", "w=majority", "journal=true", "authSource=registry");
        assertThat(environment).containsEntry("SPRING_CONFIG_IMPORT", "configtree:/run/secrets/");
        assertThat((List<String>) commandSide.get("secrets")).contains("registry-db-password");
        assertThat(((Map<String, Object>) compose.get("secrets"))).containsKeys("mongo-keyfile", "mongo-root-password",
                "registry-db-password");
        String init = String.join(" ", (List<String>) ((Map<String, Object>) services.get("mongo-init")).get("entrypoint"));
        assertThat(init).contains("rs.initiate", "createUser", "readWrite");
        assertThat(Files.readString(docker.resolve("gateway.conf"))).contains("command-side-1:8081", "query-side-2:8082");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewayKeepsTheClientsAddressLimitsRatesFitsTheImportAndServesTheWholeApiDocument() throws IOException {
        String gateway = Files.readString(docker.resolve("gateway.conf"));
        assertThat(gateway).contains("proxy_set_header Host $http_host;", "proxy_set_header X-Forwarded-Port $server_port;",
                "proxy_set_header X-Request-Id $registry_request_id;", "limit_req_zone", "limit_req_status 429;");
        assertThat(block(gateway, "location = /api/v1/admin/municipalities/import"))
                .contains("client_max_body_size 32m;", "proxy_read_timeout 900s;");
        assertThat(block(gateway, "location = /api/v1/audit/events/export")).contains("proxy_buffering off;");
        assertThat(block(gateway, "location /actuator/")).contains("return 404;");

        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(docker.resolve("compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        List<String> mounts = (List<String>) ((Map<String, Object>) services.get("gateway")).get("volumes");
        assertThat(mounts).contains("../docs/openapi.json:/usr/share/nginx/api/openapi.json:ro");
        assertThat(gateway).contains("alias /usr/share/nginx/api/openapi.json;");
        assertThat(docker.resolve("../docs/openapi.json")).exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIdentityProviderKnowsAPrincipalOfEachRoleAndPutsRolesAndStateIntoTheToken() throws IOException {
        Map<String, Object> realm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(docker.resolve("keycloak/efa-registry-realm.json").toFile(), Map.class);
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.get("users");
        assertThat(users).flatExtracting(u -> (List<Object>) u.get("realmRoles"))
                .contains("OWNER", "AUDITOR", "ANALYST", "ADMIN");
        assertThat(users).filteredOn(u -> ((List<Object>) u.get("realmRoles")).contains("OWNER"))
                .allSatisfy(owner -> assertThat((List<String>) owner.get("groups")).singleElement().asString().startsWith("/state-"));
        Map<String, Object> client = ((List<Map<String, Object>>) realm.get("clients")).get(0);
        assertThat(client).containsEntry("directAccessGrantsEnabled", true).containsEntry("publicClient", true);
        assertThat((List<Map<String, Object>>) client.get("protocolMappers"))
                .extracting(m -> ((Map<String, Object>) m.get("config")).get("claim.name")).contains("roles", "state");
        // Prometheus scrapes with an ADMIN token of its own client; the secret comes from the environment, not the file
        Map<String, Object> prometheus = ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> "registry-prometheus".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertThat(prometheus).containsEntry("serviceAccountsEnabled", true)
                .containsEntry("secret", "${REGISTRY_PROMETHEUS_CLIENT_SECRET}");
        assertThat(users).filteredOn(u -> "registry-prometheus".equals(u.get("serviceAccountClientId")))
                .singleElement().satisfies(u -> assertThat((List<Object>) u.get("realmRoles")).containsExactly("ADMIN"));
        assertThat(Files.readString(docker.resolve("prometheus/prometheus.yml")))
                .contains("client_id: registry-prometheus", "token_url: http://keycloak:8080/realms/efa-registry/");
    }

    /** The text of an nginx block, from its opening line to its closing brace. */
    private static String block(String conf, String opening) {
        int start = conf.indexOf(opening);
        assertThat(start).as(opening).isNotNegative();
        return conf.substring(start, conf.indexOf('}', start));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScaledSidesShareSegmentsStopCleanlyAndTheReplicaSetKeepsItsData() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(docker.resolve("compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        for (String side : List.of("query-side-1", "query-side-2")) {
            Map<String, Object> service = (Map<String, Object>) services.get(side);
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            // one segment would leave the second instance standing by; shares need at least one per instance
            assertThat(Integer.parseInt(environment.get("REGISTRY_PROJECTIONS_SEGMENTS"))).isGreaterThanOrEqualTo(2);
            assertThat(environment).containsKey("REGISTRY_MONGODB_URI").containsEntry("SERVER_SHUTDOWN", "graceful");
        }
        for (String side : List.of("command-side-1", "command-side-2", "query-side-1", "query-side-2")) {
            Map<String, Object> service = (Map<String, Object>) services.get(side);
            // time to finish requests and release segment claims before the container is killed
            assertThat(service).containsKey("stop_grace_period");
            assertThat((Map<String, Object>) ((Map<String, Object>) service.get("deploy")).get("resources")).containsKey("limits");
        }
        for (String mongo : List.of("mongo-1", "mongo-2", "mongo-3")) {
            assertThat((List<String>) ((Map<String, Object>) services.get(mongo)).get("volumes")).singleElement()
                    .asString().endsWith(":/data/db");
        }
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("mongo-1-data", "mongo-2-data", "mongo-3-data");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachImageRunsTheLayersOfTheJarTheBuildProducesAsANonRootUser() throws IOException {
        String dockerfile = Files.readString(docker.resolve("Dockerfile"));
        assertThat(dockerfile).contains("-Djarmode=tools", "extract --layers --launcher", "USER registry",
                "org.springframework.boot.loader.launch.JarLauncher");
        // least changed first, so that a code change rebuilds only the last layer
        assertThat(dockerfile.indexOf("extracted/dependencies/")).isLessThan(dockerfile.indexOf("extracted/application/"));

        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) new Yaml(options)
                .load(Files.readString(docker.resolve("compose.yml")))).get("services");
        assertImageRuns((Map<String, Object>) services.get("command-side-1"), "de.efa.registry.command.CommandSideApplication");
        assertImageRuns((Map<String, Object>) services.get("query-side-1"), "de.efa.registry.query.QuerySideApplication");
        // the context holds the jars and docker/, nothing else of the repository
        List<String> ignored = Files.readAllLines(TestStore.projectRoot().resolve(".dockerignore"));
        assertThat(ignored).contains("*", "!command-side/target/command-side.jar", "!query-side/target/query-side.jar");
    }

    @SuppressWarnings("unchecked")
    private void assertImageRuns(Map<String, Object> service, String applicationClass) throws IOException {
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");
        Path jar = TestStore.projectRoot().resolve((String) ((Map<String, Object>) build.get("args")).get("JAR"));
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class")).isEqualTo(applicationClass);
            // the split jars carry no embedded store: that is the standalone's alone
            assertThat(file.stream().map(java.util.jar.JarEntry::getName))
                    .noneMatch(name -> name.contains("mongo-java-server") || name.contains("embedded-store")
                            || name.contains("/h2-") || name.contains("/netty-"));
        }
    }
}
