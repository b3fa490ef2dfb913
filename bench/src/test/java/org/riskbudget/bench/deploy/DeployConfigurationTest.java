package org.riskbudget.bench.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.riskbudget.bench.deploy.Repository.list;
import static org.riskbudget.bench.deploy.Repository.map;
import static org.riskbudget.bench.deploy.Repository.maps;
import static org.riskbudget.bench.deploy.Repository.path;
import static org.riskbudget.bench.deploy.Repository.string;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.common.Version;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.util.JsonSerialization;
import org.riskbudget.bench.deploy.Kustomize.Manifest;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.contracts.ids.CompanyId;

/**
 * What can be checked of deploy/ without Docker or a cluster: every file parses, every image is pinned, and the
 * compose file, the Dockerfiles, the Kubernetes manifests, Prometheus, Grafana and the Keycloak realm agree with
 * each other and with the services' own configuration, read from their sources (application*.yml, the
 * {@code @ConfigurationProperties} records, the meters they register, the token claims they read).
 */
class DeployConfigurationTest {

    /** Container ports infrastructure images may publish or expose, by image repository. */
    static final Map<String, Set<Integer>> INFRASTRUCTURE_PORTS = Map.of(
            "postgres", Set.of(5432),
            "apache/kafka", Set.of(9092, 9093),
            "quay.io/keycloak/keycloak", Set.of(8080, 9000),
            "prom/prometheus", Set.of(9090),
            "grafana/grafana", Set.of(3000));

    static final Path README = Repository.DEPLOY.resolve("README.md");
    static final Path REALM_FILE = Repository.DEPLOY.resolve("keycloak/risk-budget-ledger-realm.json");
    static final Path PROMETHEUS_CONFIG = Repository.DEPLOY.resolve("prometheus/prometheus.yml");
    static final Path PROMETHEUS_RULES = Repository.DEPLOY.resolve("prometheus/rules");
    static final Path DASHBOARDS = Repository.DEPLOY.resolve("grafana/dashboards");
    static final Path GRAFANA_PROVISIONING = Repository.DEPLOY.resolve("grafana/provisioning");

    static Stream<ServiceSettings> services() {
        return ServiceSettings.BOTH.stream();
    }

    @Nested
    class TheServicesSettings {

        @Test
        void areReadFromTheirYamlTheirRecordsAndTheirValuePlaceholders() {
            assertThat(ServiceSettings.LEDGER.properties()).contains(
                    "spring.kafka.bootstrap-servers",          // application.yml
                    "ledger.publishing.replication-factor",    // PublishingSettings
                    "ledger.publishing.acknowledgement-timeout",
                    "ledger.regime.snapshot-every-events",     // RegimeSettings
                    "ledger.security.local-issuer.token-ttl",  // LocalIssuerSettings, not in any yml
                    "ledger.http.max-body-bytes");             // @Value in RequestBodyLimit
            assertThat(ServiceSettings.PROJECTION.properties()).contains(
                    "projection.consumer.topic-replicas", "projection.consumer.stop-timeout",
                    "projection.security.issuer", "projection.read.max-waiters", "projection.stream.replay-max");
            assertThat(ServiceSettings.LEDGER.properties()).doesNotContain("projection.consumer.topic-replicas");
            assertThat(ServiceSettings.LEDGER.boundPrefixes()).contains("spring.datasource.hikari.");
        }

        @Test
        void listenOnTheDocumentedPorts() {
            assertThat(ServiceSettings.LEDGER.serverPort()).isEqualTo(8080);
            assertThat(ServiceSettings.PROJECTION.serverPort()).isEqualTo(8081);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.riskbudget.bench.deploy.DeployConfigurationTest#services")
        void exposeTheActuatorGroupsTheProbesAndPrometheusUse(ServiceSettings service) {
            Map<String, Object> application = Repository.yaml(
                    Repository.ROOT.resolve(service.name()).resolve("src/main/resources/application.yml"));

            assertThat(path(application, "management.endpoint.health.probes").get("enabled")).isEqualTo(true);
            assertThat(String.valueOf(path(application, "management.endpoints.web.exposure").get("include")))
                    .contains("health").contains("prometheus");
        }

        @Test
        void environmentVariablesBindByRelaxedBinding() {
            ServiceSettings ledger = ServiceSettings.LEDGER;
            assertThat(EnvironmentVariables.isKnown("LEDGER_PUBLISHING_REPLICATION_FACTOR", ledger)).isTrue();
            assertThat(EnvironmentVariables.isKnown("LEDGER_PUBLISHING_REPLICATIONFACTOR", ledger)).isTrue();
            assertThat(EnvironmentVariables.isKnown("SPRING_DATASOURCE_URL", ledger)).isTrue();
            assertThat(EnvironmentVariables.isKnown("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", ledger))
                    .isTrue();
            assertThat(EnvironmentVariables.isKnown("JAVA_TOOL_OPTIONS", ledger)).isTrue();
            assertThat(EnvironmentVariables.isKnown("PROJECTION_CONSUMER_TOPIC_REPLICAS", ServiceSettings.PROJECTION))
                    .isTrue();
        }

        @Test
        void springBootsOwnMetadataTellsAStandardSettingFromATypo() {
            BootMetadata metadata = BootMetadata.BY_SERVICE.get(ServiceSettings.LEDGER.name()).orElse(null);
            assumeTrue(metadata != null, "the ledger's runnable jar was not built in this run");

            assertThat(metadata.knows("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
            assertThat(metadata.knows("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI")).isTrue();
            assertThat(metadata.knows("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).as("a map's key").isTrue();
            assertThat(metadata.knows("SPRING_KAFKA_BOOTSTRAP_SERVER")).isFalse();
            assertThat(metadata.knows("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCE")).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.riskbudget.bench.deploy.DeployConfigurationTest#services")
        void everyStandardSettingTheDeploymentsSetExistsInSpringBoot(ServiceSettings settings) {
            BootMetadata metadata = BootMetadata.BY_SERVICE.get(settings.name()).orElse(null);
            assumeTrue(metadata != null, "the service's runnable jar was not built in this run");
            Set<String> variables = new TreeSet<>();
            Compose compose = new Compose();
            compose.instancesOf(settings).forEach(name -> variables.addAll(compose.environment(name).keySet()));
            Kustomize.overlays().forEach(overlay -> variables.addAll(environmentOf(overlay, settings).keySet()));
            variables.removeIf(variable -> EnvironmentVariables.JVM_VARIABLES.contains(variable)
                    || EnvironmentVariables.isOwnSetting(variable, settings));

            assertThat(variables).isNotEmpty().allSatisfy(variable -> assertThat(metadata.knows(variable))
                    .as("%s is a Spring Boot setting of %s", variable, settings.name()).isTrue());
        }

        @ParameterizedTest
        @ValueSource(strings = {"LEDGER_PUBLISHING_REPLICATION_FACTORS", "LEDGER_PUBLISHING_REPLICAS",
            "PROJECTION_CONSUMER_TOPIC_REPLICAS", "LEDGER_REPLICATION_FACTOR", "SPRING_KAFKA", "SPRING_JPA_SHOW_SQL",
            "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_X", "JAVA_OPTS"})
        void aVariableThatBindsNothingInTheLedgerIsCaught(String variable) {
            assertThat(EnvironmentVariables.isKnown(variable, ServiceSettings.LEDGER)).isFalse();
        }
    }

    @Nested
    class TheComposeFile {

        final Compose compose = new Compose();

        @Test
        void definesTheWholeStack() {
            assertThat(compose.instancesOf(ServiceSettings.LEDGER)).hasSize(2);
            assertThat(compose.instancesOf(ServiceSettings.PROJECTION)).hasSize(1);
            Set<String> images = compose.services.values().stream()
                    .map(service -> Compose.imageRepository(string(service, "image")))
                    .collect(Collectors.toSet());
            assertThat(images).containsAll(INFRASTRUCTURE_PORTS.keySet());
            assertThat(kafkaNodes()).hasSize(3);
        }

        @Test
        void pinsEveryImage() {
            compose.services.forEach((name, service) ->
                    assertThat(Compose.isPinned(string(service, "image"))).as("image of %s", name).isTrue());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.riskbudget.bench.deploy.DeployConfigurationTest#services")
        void buildsEachServiceFromItsDockerfileAndTagsItWithTheProjectVersion(ServiceSettings settings) {
            for (String name : compose.instancesOf(settings)) {
                Map<String, Object> service = compose.services.get(name);
                Map<String, Object> build = map(service, "build");

                assertThat(Compose.DIRECTORY.resolve(string(build, "context")).normalize()).isEqualTo(Repository.ROOT);
                assertThat(string(build, "dockerfile")).isEqualTo("deploy/docker/" + settings.name() + ".Dockerfile");
                assertThat(Repository.ROOT.resolve(string(build, "dockerfile"))).isRegularFile();
                assertThat(Compose.imageTag(string(service, "image"))).isEqualTo(Repository.projectVersion());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.riskbudget.bench.deploy.DeployConfigurationTest#services")
        void setsOnlyEnvironmentVariablesTheServiceReads(ServiceSettings settings) {
            for (String name : compose.instancesOf(settings)) {
                assertThat(compose.environment(name).keySet())
                        .as("environment of %s", name)
                        .isNotEmpty()
                        .allSatisfy(variable -> assertThat(EnvironmentVariables.isKnown(variable, settings))
                                .as("%s binds a setting of %s", variable, settings.name()).isTrue());
            }
        }

        @Test
        void usesTheServicePortsAndOnlyKnownInfrastructurePorts() {
            compose.services.forEach((name, service) -> {
                Optional<ServiceSettings> runs = compose.runs(name);
                Set<Integer> allowed = runs.map(settings -> Set.of(effectivePort(name, settings)))
                        .orElseGet(() -> INFRASTRUCTURE_PORTS.getOrDefault(
                                Compose.imageRepository(string(service, "image")), Set.of()));
                assertThat(compose.containerPorts(name)).as("container ports of %s", name)
                        .allSatisfy(port -> assertThat(allowed).contains(port));
                runs.ifPresent(settings -> assertThat(effectivePort(name, settings)).isEqualTo(settings.serverPort()));
            });
        }

        @Test
        void publishesEachHostPortOnce() {
            List<String> hostPorts = compose.services.keySet().stream().flatMap(name -> compose.hostPorts(name).stream())
                    .toList();
            assertThat(hostPorts).doesNotHaveDuplicates();
        }

        @Test
        void runsWithoutAnEnvFile() {
            assertThat(Compose.interpolatedVariables()).isNotEmpty()
                    .allSatisfy((variable, hasDefault) -> assertThat(hasDefault).as("${%s} has a default", variable)
                            .isTrue());
        }

        @Test
        void startsEachServiceOnlyAfterWhatItNeedsIsHealthy() {
            compose.services.forEach((name, service) -> {
                for (Map.Entry<String, Object> dependency : map(service, "depends_on").entrySet()) {
                    assertThat(compose.services).as("%s depends on a defined service", name)
                            .containsKey(dependency.getKey());
                    if ("service_healthy".equals(string(map(dependency.getValue(), name), "condition"))) {
                        assertThat(compose.services.get(dependency.getKey())).as("%s has a healthcheck", dependency.getKey())
                                .containsKey("healthcheck");
                    }
                }
            });
            for (ServiceSettings settings : ServiceSettings.BOTH) {
                for (String name : compose.instancesOf(settings)) {
                    Map<String, Object> service = compose.services.get(name);
                    assertThat(string(map(map(service, "depends_on"), "postgres"), "condition"))
                            .isEqualTo("service_healthy");
                    String healthcheck = String.join(" ", list(map(service, "healthcheck"), "test").stream()
                            .map(String::valueOf).toList());
                    assertThat(healthcheck).contains("localhost:" + settings.serverPort() + "/actuator/health/readiness");
                }
            }
        }

        @Test
        void runsKafkaAsAThreeNodeKraftQuorumThatKeepsEveryAcknowledgedWriteTwice() {
            List<String> nodes = kafkaNodes();
            Set<String> voters = new TreeSet<>();
            Set<String> nodeIds = new TreeSet<>();
            Set<String> clusterIds = new TreeSet<>();
            for (String node : nodes) {
                Map<String, String> environment = compose.environment(node);
                assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
                assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + node + ":9092");
                assertThat(Integer.parseInt(environment.get("KAFKA_MIN_INSYNC_REPLICAS"))).isEqualTo(2);
                assertThat(Integer.parseInt(environment.get("KAFKA_DEFAULT_REPLICATION_FACTOR"))).isEqualTo(3);
                assertThat(Integer.parseInt(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"))).isEqualTo(3);
                voters.add(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
                nodeIds.add(environment.get("KAFKA_NODE_ID") + "@" + node + ":9093");
                clusterIds.add(environment.get("CLUSTER_ID"));
            }
            assertThat(voters).hasSize(1);
            assertThat(new TreeSet<>(Arrays.asList(voters.iterator().next().split(",")))).isEqualTo(nodeIds);
            assertThat(clusterIds).hasSize(1);
            assertThat(clusterIds.iterator().next()).matches("[A-Za-z0-9_-]{22}");
        }

        @Test
        void createsTheEventsTopicTheSameWayWhicheverServiceCreatesItFirst() {
            int brokers = kafkaNodes().size();
            int minInSync = Integer.parseInt(compose.environment(kafkaNodes().get(0)).get("KAFKA_MIN_INSYNC_REPLICAS"));
            for (String ledger : compose.instancesOf(ServiceSettings.LEDGER)) {
                Map<String, String> ledgerEnvironment = compose.environment(ledger);
                for (String projection : compose.instancesOf(ServiceSettings.PROJECTION)) {
                    Map<String, String> projectionEnvironment = compose.environment(projection);
                    int replicas = Integer.parseInt(ledgerEnvironment.get("LEDGER_PUBLISHING_REPLICATION_FACTOR"));

                    assertThat(projectionEnvironment.get("PROJECTION_CONSUMER_TOPIC_REPLICAS"))
                            .isEqualTo(String.valueOf(replicas));
                    assertThat(projectionEnvironment.get("PROJECTION_CONSUMER_TOPIC_PARTITIONS"))
                            .isEqualTo(ledgerEnvironment.get("LEDGER_PUBLISHING_PARTITIONS"));
                    assertThat(replicas).isLessThanOrEqualTo(brokers).isGreaterThan(minInSync);
                }
            }
        }

        @Test
        void connectsTheServicesToTheInfrastructureByItsComposeNames() {
            Set<String> databases = new TreeSet<>();
            String initScript = Repository.read(Compose.DIRECTORY.resolve("postgres/init-databases.sh"));
            for (ServiceSettings settings : ServiceSettings.BOTH) {
                for (String name : compose.instancesOf(settings)) {
                    Map<String, String> environment = compose.environment(name);
                    URI database = URI.create(environment.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
                    assertThat(compose.services).containsKey(database.getHost());
                    assertThat(INFRASTRUCTURE_PORTS.get(Compose.imageRepository(
                            string(compose.services.get(database.getHost()), "image")))).contains(database.getPort());
                    String databaseName = database.getPath().substring(1);
                    databases.add(databaseName);
                    assertThat(initScript).containsPattern("create " + databaseName + " "
                            + environment.get("SPRING_DATASOURCE_USERNAME") + " ");

                    for (String server : environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")) {
                        String[] hostAndPort = server.split(":");
                        assertThat(kafkaNodes()).contains(hostAndPort[0]);
                        assertThat(compose.environment(hostAndPort[0]).get("KAFKA_ADVERTISED_LISTENERS"))
                                .endsWith(":" + hostAndPort[1]);
                    }
                }
            }
            assertThat(databases).as("the event store and the read model are separate databases").hasSize(2);
        }

        @Test
        void verifiesTokensFromTheRealmKeycloakImports() {
            Map<String, Object> realm = Repository.json(REALM_FILE);
            String realmName = string(realm, "realm");
            String keycloak = compose.services.keySet().stream()
                    .filter(name -> Compose.imageRepository(string(compose.services.get(name), "image"))
                            .equals("quay.io/keycloak/keycloak"))
                    .findFirst().orElseThrow();
            Map<String, String> keycloakEnvironment = compose.environment(keycloak);

            assertThat(list(compose.services.get(keycloak), "command")).contains("--import-realm");
            URI publicAddress = URI.create(keycloakEnvironment.get("KC_HOSTNAME"));
            assertThat(list(compose.services.get(keycloak), "ports")).as("Keycloak is published where its iss says")
                    .contains("127.0.0.1:" + publicAddress.getPort() + ":8080");
            assertThat(list(compose.services.get(keycloak), "volumes")).anySatisfy(volume -> assertThat(
                    bindSource(String.valueOf(volume))).isEqualTo(REALM_FILE));
            for (ServiceSettings settings : ServiceSettings.BOTH) {
                for (String name : compose.instancesOf(settings)) {
                    Map<String, String> environment = compose.environment(name);
                    assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                            .as("the iss Keycloak writes into tokens")
                            .isEqualTo(keycloakEnvironment.get("KC_HOSTNAME") + "/realms/" + realmName);
                    URI keys = URI.create(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI"));
                    assertThat(keys.getHost()).isEqualTo(keycloak);
                    assertThat(keys.getPort()).isEqualTo(8080);
                    assertThat(keys.getPath()).isEqualTo("/realms/" + realmName + "/protocol/openid-connect/certs");
                    assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"))
                            .isEqualTo(Keycloak.audience(realm));
                }
            }
        }

        @Test
        void mountsOnlyFilesThatExistInTheRepository() {
            List<Path> sources = new ArrayList<>();
            compose.services.values().forEach(service -> list(service, "volumes").stream()
                    .map(volume -> bindSource(String.valueOf(volume)))
                    .filter(source -> source != null)
                    .forEach(sources::add));

            assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(source).exists());
        }

        private int effectivePort(String service, ServiceSettings settings) {
            String override = compose.environment(service).get("SERVER_PORT");
            return override == null ? settings.serverPort() : Integer.parseInt(override);
        }

        private List<String> kafkaNodes() {
            return compose.services.keySet().stream()
                    .filter(name -> Compose.imageRepository(string(compose.services.get(name), "image"))
                            .equals("apache/kafka"))
                    .toList();
        }
    }

    /** The repository path a short-form bind mount reads, or null for a named volume. */
    static Path bindSource(String volume) {
        String source = volume.split(":", 2)[0];
        return source.startsWith(".") || source.startsWith("/") ? Compose.DIRECTORY.resolve(source).normalize() : null;
    }

    @Nested
    class TheDockerfiles {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.riskbudget.bench.deploy.DeployConfigurationTest#services")
        void wrapTheServiceJarInAPinnedJreAsANonRootUser(ServiceSettings settings) {
            Path dockerfile = Repository.DEPLOY.resolve("docker/" + settings.name() + ".Dockerfile");
            String text = Repository.read(dockerfile);

            List<String> bases = instructions(text, "FROM");
            assertThat(bases).hasSize(1);
            assertThat(bases.get(0)).startsWith("eclipse-temurin:17");
            assertThat(Compose.isPinned(bases.get(0))).isTrue();
            assertThat(Compose.imageTag(bases.get(0))).as("a patch release, not a moving tag").matches("17\\.\\d+\\.\\d+.*");
            assertThat(instructions(text, "EXPOSE")).containsExactly(String.valueOf(settings.serverPort()));
            assertThat(instructions(text, "ARG")).contains("SERVICE_VERSION=" + Repository.projectVersion());
            assertThat(instructions(text, "COPY")).anySatisfy(copy -> assertThat(copy)
                    .contains(settings.name() + "/target/" + settings.name() + "-${SERVICE_VERSION}-exec.jar"));
            List<String> users = instructions(text, "USER");
            assertThat(users).isNotEmpty();
            assertThat(users.get(users.size() - 1)).matches("[1-9]\\d*:[1-9]\\d*");
            assertThat(instructions(text, "ENTRYPOINT")).singleElement().asString().startsWith("[");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.riskbudget.bench.deploy.DeployConfigurationTest#services")
        void runAsTheUserTheManifestsDeclare(ServiceSettings settings) {
            List<String> users = instructions(Repository.read(
                    Repository.DEPLOY.resolve("docker/" + settings.name() + ".Dockerfile")), "USER");
            String user = users.get(users.size() - 1).split(":")[0];

            Map<String, Object> pod = podSpec(deployment(Kustomize.allManifests(), settings.name()));
            assertThat(String.valueOf(map(pod, "securityContext").get("runAsUser"))).isEqualTo(user);
        }

        private List<String> instructions(String dockerfile, String instruction) {
            return Arrays.stream(dockerfile.replace("\\\n", " ").split("\n"))
                    .map(String::strip)
                    .filter(line -> line.startsWith(instruction + " "))
                    .map(line -> line.substring(instruction.length()).strip())
                    .toList();
        }
    }

    @Nested
    class TheKubernetesManifests {

        final List<Manifest> manifests = Kustomize.allManifests();

        @Test
        void parseAndNameTheirKind() {
            assertThat(manifests).isNotEmpty().allSatisfy(manifest -> {
                assertThat(manifest.document()).as(manifest.file().toString()).containsKeys("apiVersion", "kind");
                assertThat(manifest.name()).as(manifest.file().toString()).isNotBlank();
            });
            assertThat(Kustomize.overlays()).extracting(overlay -> overlay.getFileName().toString())
                    .contains("production");
        }

        @Test
        void referenceOnlyFilesThatExist() {
            for (Path directory : Kustomize.kustomizationDirectories()) {
                Map<String, Object> kustomization = Kustomize.kustomization(directory);
                for (String key : List.of("resources", "components")) {
                    list(kustomization, key).forEach(item -> assertThat(String.valueOf(item))
                            .as("%s in %s is local, so the build is reproducible", item, directory)
                            .doesNotContain("://"));
                }
                for (Path reference : Kustomize.references(directory)) {
                    assertThat(reference).as("named in %s", directory.resolve(Kustomize.FILE_NAME)).exists();
                    if (Files.isDirectory(reference)) {
                        assertThat(reference.resolve(Kustomize.FILE_NAME)).isRegularFile();
                    }
                }
                for (Object component : list(kustomization, "components")) {
                    assertThat(string(Kustomize.kustomization(directory.resolve(String.valueOf(component))), "kind"))
                            .isEqualTo("Component");
                }
            }
        }

        @Test
        void leaveNoFileOutOfEveryOverlay() {
            Set<Path> used = new LinkedHashSet<>();
            Kustomize.overlays().forEach(overlay -> used.addAll(Kustomize.filesOf(overlay)));

            assertThat(Repository.files(Kustomize.DIRECTORY, ".yaml", ".yml", ".env"))
                    .allSatisfy(file -> assertThat(used).as("an overlay builds from %s", file).contains(file));
        }

        @Test
        void pinEveryImage() {
            for (Manifest deployment : ofKind(manifests, "Deployment")) {
                for (Map<String, Object> container : maps(podSpec(deployment), "containers")) {
                    String image = string(container, "image");
                    assertThat(Compose.isPinned(image)).as(image).isTrue();
                    assertThat(Compose.imageTag(image)).isEqualTo(Repository.projectVersion());
                }
            }
            for (Path directory : Kustomize.kustomizationDirectories()) {
                for (Map<String, Object> image : maps(Kustomize.kustomization(directory), "images")) {
                    String tag = string(image, "newTag");
                    assertThat(tag != null || image.get("digest") != null).as("%s pins %s", directory, image).isTrue();
                    assertThat(tag).as("%s pins %s", directory, image).isNotEqualToIgnoringCase("latest");
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.riskbudget.bench.deploy.DeployConfigurationTest#services")
        void runEachServiceWithProbesResourcesAndALockedDownContainer(ServiceSettings settings) {
            Manifest deployment = deployment(manifests, settings.name());
            Map<String, Object> pod = podSpec(deployment);
            Map<String, Object> container = container(deployment, settings.name());

            assertThat(map(deployment.document(), "spec").get("replicas"))
                    .isEqualTo(settings == ServiceSettings.LEDGER ? 2 : 1);
            assertThat(maps(container, "ports")).extracting(port -> port.get("containerPort"))
                    .containsExactly(settings.serverPort());
            assertThat(probe(container, "startupProbe")).isEqualTo("/actuator/health/liveness:" + settings.serverPort());
            assertThat(probe(container, "livenessProbe")).isEqualTo("/actuator/health/liveness:" + settings.serverPort());
            assertThat(probe(container, "readinessProbe")).isEqualTo("/actuator/health/readiness:" + settings.serverPort());
            assertThat(String.valueOf(map(map(deployment.document(), "spec"), "template").get("metadata")))
                    .contains("prometheus.io/port=" + settings.serverPort());

            Map<String, Object> resources = map(container, "resources");
            assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
            assertThat(map(resources, "limits")).containsKey("memory");
            long limit = bytes(string(map(resources, "limits"), "memory"));
            assertThat(limit).isLessThanOrEqualTo(bytes("512Mi"));
            assertThat(bytes(string(map(resources, "requests"), "memory"))).isLessThanOrEqualTo(limit);

            Map<String, Object> podSecurity = map(pod, "securityContext");
            Map<String, Object> containerSecurity = map(container, "securityContext");
            assertThat(podSecurity.get("runAsNonRoot")).isEqualTo(true);
            assertThat(containerSecurity.get("readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(containerSecurity.get("allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(list(map(containerSecurity, "capabilities"), "drop")).contains("ALL");
            assertThat(string(map(podSecurity, "seccompProfile"), "type")).isEqualTo("RuntimeDefault");

            String tmpVolume = maps(container, "volumeMounts").stream()
                    .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                    .map(mount -> string(mount, "name"))
                    .findFirst().orElseThrow(() -> new AssertionError("no writable /tmp for " + settings.name()));
            assertThat(maps(pod, "volumes")).filteredOn(volume -> tmpVolume.equals(volume.get("name")))
                    .singleElement().satisfies(volume -> assertThat(volume).containsKey("emptyDir"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.riskbudget.bench.deploy.DeployConfigurationTest#services")
        void setOnlyEnvironmentVariablesTheServiceReads(ServiceSettings settings) {
            Set<String> variables = new TreeSet<>();
            for (Path overlay : Kustomize.overlays()) {
                variables.addAll(environmentOf(overlay, settings).keySet());
            }

            assertThat(variables).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD",
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
            assertThat(variables).allSatisfy(variable -> assertThat(EnvironmentVariables.isKnown(variable, settings))
                    .as("%s binds a setting of %s", variable, settings.name()).isTrue());
        }

        @Test
        void createTheEventsTopicTheSameWayInEveryOverlay() {
            for (Path overlay : Kustomize.overlays()) {
                Map<String, String> ledger = environmentOf(overlay, ServiceSettings.LEDGER);
                Map<String, String> projection = environmentOf(overlay, ServiceSettings.PROJECTION);

                assertThat(projection.get("PROJECTION_CONSUMER_TOPIC_REPLICAS"))
                        .isEqualTo(ledger.get("LEDGER_PUBLISHING_REPLICATION_FACTOR")).isNotNull();
                assertThat(projection.get("PROJECTION_CONSUMER_TOPIC_PARTITIONS"))
                        .isEqualTo(ledger.get("LEDGER_PUBLISHING_PARTITIONS")).isNotNull();
                assertThat(projection.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                        .isEqualTo(ledger.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
                assertThat(ledger.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"))
                        .isEqualTo(Keycloak.audience(Repository.json(REALM_FILE)));
                assertThat(ledger.get("SPRING_DATASOURCE_URL")).isNotEqualTo(projection.get("SPRING_DATASOURCE_URL"));
            }
        }

        @Test
        void routeEachServiceToItsPodsOnTheServicePort() {
            List<Manifest> services = ofKind(manifests, "Service");
            assertThat(services).hasSize(2);
            for (Manifest service : services) {
                ServiceSettings settings = ServiceSettings.of(service.name());
                Manifest deployment = deployment(manifests, settings.name());
                Map<String, Object> podLabels = map(map(map(map(deployment.document(), "spec"), "template"),
                        "metadata"), "labels");

                assertThat(podLabels).containsAllEntriesOf(map(map(service.document(), "spec"), "selector"));
                for (Map<String, Object> port : maps(map(service.document(), "spec"), "ports")) {
                    assertThat(containerPort(container(deployment, settings.name()), port.get("targetPort")))
                            .isEqualTo(settings.serverPort());
                }
            }
        }

        @Test
        void keepALedgerReplicaThroughVoluntaryDisruptions() {
            Manifest budget = ofKind(manifests, "PodDisruptionBudget").stream()
                    .filter(manifest -> manifest.name().equals("ledger-service")).findFirst().orElseThrow();
            Manifest ledger = deployment(manifests, "ledger-service");
            Map<String, Object> podLabels = map(map(map(map(ledger.document(), "spec"), "template"), "metadata"), "labels");
            Map<String, Object> spec = map(budget.document(), "spec");

            assertThat(podLabels).containsAllEntriesOf(map(map(spec, "selector"), "matchLabels"));
            assertThat((Integer) spec.get("minAvailable")).isPositive()
                    .isLessThan((Integer) map(ledger.document(), "spec").get("replicas"));
        }

        @Test
        void scrapeTheActuatorThroughANamedServicePort() {
            List<Manifest> monitors = ofKind(manifests, "ServiceMonitor");
            assertThat(monitors).hasSize(2);
            for (Manifest monitor : monitors) {
                Map<String, Object> spec = map(monitor.document(), "spec");
                Map<String, Object> selector = map(map(spec, "selector"), "matchLabels");
                Manifest service = ofKind(manifests, "Service").stream()
                        .filter(candidate -> map(map(candidate.document(), "metadata"), "labels").entrySet()
                                .containsAll(selector.entrySet()))
                        .findFirst().orElseThrow(() -> new AssertionError(monitor.name() + " selects no Service"));
                Set<Object> portNames = maps(map(service.document(), "spec"), "ports").stream()
                        .map(port -> port.get("name")).collect(Collectors.toSet());

                assertThat(maps(spec, "endpoints")).isNotEmpty().allSatisfy(endpoint -> {
                    assertThat(portNames).contains(endpoint.get("port"));
                    assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
                });
            }
        }

        @Test
        void neverShipPlaceholderSecretsToProduction() {
            Path production = Kustomize.DIRECTORY.resolve("overlays/production");
            assertThat(Kustomize.manifestsOf(production)).noneMatch(manifest -> "Secret".equals(manifest.kind()));

            List<Manifest> secrets = ofKind(manifests, "Secret");
            assertThat(secrets).isNotEmpty();
            for (Manifest secret : secrets) {
                String password = string(map(secret.document(), "stringData"), "SPRING_DATASOURCE_PASSWORD");
                assertThat(password).as("%s is an obvious placeholder", secret.name()).startsWith("REPLACE");
            }
            String readme = Repository.read(README);
            for (String name : secretNames()) {
                assertThat(readme).as("the README says how to provide the Secret %s", name).contains(name);
                assertThat(secrets).as("a placeholder for %s shows its keys", name)
                        .anyMatch(secret -> secret.name().equals(name));
            }
        }

        @Test
        void runInANamespaceThatEnforcesTheRestrictedPodSecurityStandard() {
            for (Path overlay : Kustomize.overlays()) {
                String namespace = string(Kustomize.kustomization(overlay), "namespace");
                assertThat(namespace).as("%s sets a namespace", overlay).isNotBlank();
                assertThat(Kustomize.manifestsOf(overlay)).filteredOn(manifest -> "Namespace".equals(manifest.kind()))
                        .singleElement().satisfies(manifest -> {
                            assertThat(manifest.name()).isEqualTo(namespace);
                            assertThat(map(map(manifest.document(), "metadata"), "labels"))
                                    .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
                        });
            }
        }

        private Set<String> secretNames() {
            Set<String> names = new TreeSet<>();
            for (Manifest deployment : ofKind(manifests, "Deployment")) {
                for (Map<String, Object> container : maps(podSpec(deployment), "containers")) {
                    for (Map<String, Object> source : maps(container, "envFrom")) {
                        Optional.ofNullable(string(map(source, "secretRef"), "name")).ifPresent(names::add);
                    }
                }
            }
            return names;
        }

        private String probe(Map<String, Object> container, String kind) {
            Map<String, Object> httpGet = map(map(container, kind), "httpGet");
            return string(httpGet, "path") + ":" + containerPort(container, httpGet.get("port"));
        }
    }

    @Nested
    class Prometheus {

        @Test
        void scrapesEveryServiceInstanceOnItsPortAndActuatorPath() {
            Compose compose = new Compose();
            Map<String, Object> config = Repository.yaml(PROMETHEUS_CONFIG);
            Set<String> scraped = new TreeSet<>();
            for (Map<String, Object> job : maps(config, "scrape_configs")) {
                assertThat(string(job, "metrics_path")).isEqualTo("/actuator/prometheus");
                for (Map<String, Object> group : maps(job, "static_configs")) {
                    for (Object target : list(group, "targets")) {
                        String[] hostAndPort = String.valueOf(target).split(":");
                        ServiceSettings settings = compose.runs(hostAndPort[0])
                                .orElseThrow(() -> new AssertionError(target + " is not a service of the compose file"));
                        assertThat(Integer.parseInt(hostAndPort[1])).isEqualTo(settings.serverPort());
                        assertThat(string(job, "job_name")).isEqualTo(settings.name());
                        scraped.add(hostAndPort[0]);
                    }
                }
            }
            Set<String> instances = new TreeSet<>();
            ServiceSettings.BOTH.forEach(settings -> instances.addAll(compose.instancesOf(settings)));
            assertThat(scraped).isEqualTo(instances);
        }

        @Test
        void loadsTheRulesComposeMounts() {
            Compose compose = new Compose();
            Map<String, Object> prometheus = compose.services.get("prometheus");
            assertThat(list(prometheus, "volumes")).anySatisfy(volume -> assertThat(String.valueOf(volume))
                    .startsWith("../prometheus/rules:/etc/prometheus/rules"));
            assertThat(list(Repository.yaml(PROMETHEUS_CONFIG), "rule_files")).contains("/etc/prometheus/rules/*.yml");
            assertThat(Repository.files(PROMETHEUS_RULES, ".yml")).isNotEmpty();
        }

        @Test
        void alertsOnlyOnMetricsTheServicesExport() {
            List<String> expressions = new ArrayList<>();
            for (Path rules : Repository.files(PROMETHEUS_RULES, ".yml", ".yaml")) {
                for (Map<String, Object> group : maps(Repository.yaml(rules), "groups")) {
                    for (Map<String, Object> rule : maps(group, "rules")) {
                        assertThat(string(rule, "alert")).isNotBlank();
                        expressions.add(string(rule, "expr"));
                    }
                }
            }
            assertThat(expressions).isNotEmpty()
                    .allSatisfy(expression -> assertThat(KnownMetrics.prometheusNames())
                            .as(expression).containsAll(PromQl.metricNames(expression)));
        }
    }

    @Nested
    class Grafana {

        final Map<String, Object> dashboard = Repository.json(DASHBOARDS.resolve("risk-budget-ledger.json"));

        @Test
        void chartsOnlyMetricsTheServicesExport() {
            List<String> expressions = expressions(dashboard);
            assertThat(expressions).hasSizeGreaterThan(10);
            assertThat(expressions).allSatisfy(expression -> assertThat(KnownMetrics.prometheusNames())
                    .as(expression).containsAll(PromQl.metricNames(expression)));
        }

        @Test
        void chartsWhatAnOperatorOfTheLedgerWatches() {
            Set<String> used = expressions(dashboard).stream().flatMap(expression -> PromQl.metricNames(expression).stream())
                    .collect(Collectors.toSet());
            String all = String.join("\n", expressions(dashboard));

            assertThat(used).contains(
                    "ledger_regime_remaining_ppb", "ledger_regime_cap_ppb", // remaining industry budget vs cap
                    "ledger_company_spent_ppb",                             // spent per company
                    "ledger_commands_seconds_count",                        // command rate by outcome, refusals by code
                    "ledger_commands_seconds_bucket",                       // latency
                    "ledger_publish_lag_events",                            // publish lag
                    "projection_lag_seconds_sum", "projection_lag_seconds_max", // projection lag
                    "projection_gaps_total");                               // consumer gaps
            assertThat(all).contains("sum by (outcome)").contains("outcome=\"refused\"").contains("sum by (code)")
                    .contains("histogram_quantile(0.5,").contains("histogram_quantile(0.99,");
        }

        @Test
        void isAWellFormedDashboardOnTheProvisionedDatasource() {
            Set<String> datasources = new TreeSet<>();
            for (Path file : Repository.files(GRAFANA_PROVISIONING.resolve("datasources"), ".yaml", ".yml")) {
                maps(Repository.yaml(file), "datasources").forEach(datasource -> datasources.add(string(datasource, "uid")));
            }
            assertThat(string(dashboard, "uid")).isNotBlank();
            assertThat(string(dashboard, "title")).isNotBlank();
            List<Map<String, Object>> panels = panels(dashboard);
            assertThat(panels).extracting(panel -> panel.get("id")).doesNotHaveDuplicates();
            for (Map<String, Object> panel : panels) {
                Map<String, Object> grid = map(panel, "gridPos");
                assertThat((Integer) grid.get("x") + (Integer) grid.get("w")).as("%s fits the grid", panel.get("title"))
                        .isLessThanOrEqualTo(24);
                if (!"row".equals(panel.get("type"))) {
                    assertThat(string(panel, "title")).isNotBlank();
                    assertThat(string(panel, "description")).as("%s explains itself", panel.get("title")).isNotBlank();
                    assertThat(datasources).contains(string(map(panel, "datasource"), "uid"));
                    maps(panel, "targets").forEach(target -> assertThat(datasources)
                            .contains(string(map(target, "datasource"), "uid")));
                }
            }
        }

        @Test
        void isProvisionedFromTheDirectoryComposeMounts() {
            Compose compose = new Compose();
            Map<String, Object> grafana = compose.services.get("grafana");
            String mounted = list(grafana, "volumes").stream().map(String::valueOf)
                    .filter(volume -> volume.startsWith("../grafana/dashboards:"))
                    .map(volume -> volume.split(":")[1]).findFirst().orElseThrow();
            Map<String, Object> providers = Repository.yaml(
                    GRAFANA_PROVISIONING.resolve("dashboards/risk-budget-ledger.yaml"));

            assertThat(maps(providers, "providers")).singleElement()
                    .satisfies(provider -> assertThat(string(map(provider, "options"), "path")).isEqualTo(mounted));
            assertThat(list(grafana, "volumes")).contains("../grafana/provisioning:/etc/grafana/provisioning:ro");
            for (Path file : Repository.files(GRAFANA_PROVISIONING.resolve("datasources"), ".yaml", ".yml")) {
                for (Map<String, Object> datasource : maps(Repository.yaml(file), "datasources")) {
                    URI url = URI.create(string(datasource, "url"));
                    assertThat(Compose.imageRepository(string(compose.services.get(url.getHost()), "image")))
                            .isEqualTo("prom/prometheus");
                    assertThat(INFRASTRUCTURE_PORTS.get("prom/prometheus")).contains(url.getPort());
                }
            }
        }

        private List<Map<String, Object>> panels(Map<String, Object> dashboard) {
            List<Map<String, Object>> panels = new ArrayList<>();
            for (Map<String, Object> panel : maps(dashboard, "panels")) {
                panels.add(panel);
                panels.addAll(maps(panel, "panels")); // collapsed rows hold their panels
            }
            return panels;
        }

        private List<String> expressions(Map<String, Object> dashboard) {
            List<String> expressions = new ArrayList<>();
            for (Map<String, Object> panel : panels(dashboard)) {
                maps(panel, "targets").forEach(target -> expressions.add(string(target, "expr")));
            }
            for (Map<String, Object> variable : maps(map(dashboard, "templating"), "list")) {
                Object query = variable.get("query");
                expressions.add(query instanceof Map<?, ?> ? string(map(query, "query"), "query") : String.valueOf(query));
            }
            return expressions;
        }
    }

    @Nested
    class TheKeycloakRealm {

        final Map<String, Object> realm = Repository.json(REALM_FILE);

        @Test
        void usesOnlyFieldsKeycloakKnows() throws Exception {
            RealmRepresentation representation;
            try (var in = Files.newInputStream(REALM_FILE)) {
                representation = JsonSerialization.readValue(in, RealmRepresentation.class);
            }
            Set<String> written = Keycloak.keyPaths(
                    Repository.jsonText(JsonSerialization.writeValueAsString(representation)));

            // Every member survives a round trip through Keycloak's classes: none is unknown to it or dropped.
            assertThat(Keycloak.keyPaths(realm)).isNotEmpty()
                    .allSatisfy(keyPath -> assertThat(written).as("Keycloak reads %s", keyPath).contains(keyPath));
        }

        @Test
        void isCheckedWithTheClassesOfTheKeycloakThatImportsIt() {
            Compose compose = new Compose();
            String image = compose.services.values().stream().map(service -> string(service, "image"))
                    .filter(candidate -> Compose.imageRepository(candidate).equals("quay.io/keycloak/keycloak"))
                    .findFirst().orElseThrow();

            assertThat(Compose.imageTag(image)).as("keycloak-core in bench/pom.xml").isEqualTo(Version.VERSION);
        }

        @Test
        void definesExactlyTheCallerRolesOfTheLedger() {
            Set<String> callerRoles = Arrays.stream(Role.values()).filter(role -> role != Role.SYSTEM).map(Role::name)
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(maps(map(realm, "roles"), "realm")).extracting(role -> String.valueOf(role.get("name")))
                    .containsExactlyInAnyOrderElementsOf(callerRoles);
        }

        @Test
        void putsTheRolesTheCompanyAndTheSubjectIntoAccessTokens() {
            Map<String, Object> client = Keycloak.client(realm);
            Map<String, Map<String, Object>> mappers = new LinkedHashMap<>();
            maps(client, "protocolMappers").forEach(mapper -> mappers.put(string(mapper, "protocolMapper"),
                    map(mapper, "config")));

            assertThat(mappers.get("oidc-usermodel-realm-role-mapper")).containsEntry("claim.name", TokenClaims.ROLES)
                    .containsEntry("multivalued", "true").containsEntry("access.token.claim", "true");
            assertThat(mappers.get("oidc-usermodel-attribute-mapper"))
                    .containsEntry("claim.name", TokenClaims.COMPANY_ID)
                    .containsEntry("user.attribute", "company_id").containsEntry("access.token.claim", "true");
            assertThat(mappers.get("oidc-sub-mapper")).containsEntry("access.token.claim", "true");
            assertThat(mappers.get("oidc-audience-mapper")).containsEntry("access.token.claim", "true");
            assertThat(client.get("directAccessGrantsEnabled")).as("the README's curl uses the password grant")
                    .isEqualTo(true);
        }

        @Test
        void letsOnlyTheLedgerRolesIntoTheRolesClaim() {
            Map<String, Object> client = Keycloak.client(realm);
            Set<String> realmRoles = maps(map(realm, "roles"), "realm").stream().map(role -> string(role, "name"))
                    .collect(Collectors.toSet());

            // Otherwise Keycloak's default-roles-*, offline_access and uma_authorization join the claim, and the
            // services refuse every token: they require exactly one role.
            assertThat(client.get("fullScopeAllowed")).isEqualTo(false);
            assertThat(maps(realm, "scopeMappings"))
                    .filteredOn(mapping -> string(client, "clientId").equals(mapping.get("client")))
                    .singleElement().satisfies(mapping -> assertThat(list(mapping, "roles")).map(String::valueOf)
                            .containsExactlyInAnyOrderElementsOf(realmRoles));
        }

        @Test
        void hasADemoUserForEveryRoleAndTwoCompanies() {
            Set<String> roles = new TreeSet<>();
            Set<String> companies = new TreeSet<>();
            for (Map<String, Object> user : maps(realm, "users")) {
                List<Object> userRoles = list(user, "realmRoles");
                assertThat(userRoles).as("%s has exactly one role", user.get("username")).hasSize(1);
                String role = String.valueOf(userRoles.get(0));
                roles.add(role);
                List<Object> companyIds = list(map(user, "attributes"), "company_id");
                if (role.equals(Role.COMPANY.name())) {
                    assertThat(companyIds).hasSize(1);
                    companies.add(CompanyId.of(String.valueOf(companyIds.get(0))).value());
                } else {
                    assertThat(companyIds).isEmpty();
                }
                assertThat(maps(user, "credentials")).allSatisfy(credential -> assertThat(string(credential, "value"))
                        .as("a password anyone can see is marked as a demo one").startsWith("demo-only-"));
                assertThat(user).containsKeys("email", "firstName", "lastName");
            }
            assertThat(roles).hasSize(4);
            assertThat(companies).hasSize(2);
        }

        @Test
        void letsOnlyAnAdministratorSetACompanyId() {
            Map<String, Object> profile = Keycloak.userProfile(realm);
            Map<String, Object> companyId = maps(profile, "attributes").stream()
                    .filter(attribute -> "company_id".equals(attribute.get("name"))).findFirst().orElseThrow();

            assertThat(list(map(companyId, "permissions"), "edit")).containsExactly("admin");
            assertThat(profile).doesNotContainKey("unmanagedAttributePolicy"); // no attributes outside the profile
        }

        @Test
        void hasAUserProfileKeycloakReads() throws Exception {
            String configuration = String.valueOf(list(map(maps(map(realm, "components"),
                    "org.keycloak.userprofile.UserProfileProvider").get(0), "config"), "kc.user.profile.config").get(0));

            UPConfig profile = JsonSerialization.readValue(configuration, UPConfig.class);

            assertThat(profile.getAttributes()).extracting(UPAttribute::getName)
                    .contains("username", "email", "firstName", "lastName", "company_id");
        }
    }

    @Nested
    class TheReadme {

        @Test
        void explainsEveryVariableTheDeploymentSets() {
            String readme = Repository.read(README);
            Set<String> variables = new TreeSet<>(Compose.interpolatedVariables().keySet());
            Compose compose = new Compose();
            for (ServiceSettings settings : ServiceSettings.BOTH) {
                compose.instancesOf(settings).forEach(name -> variables.addAll(compose.environment(name).keySet()));
                Kustomize.overlays().forEach(overlay -> variables.addAll(environmentOf(overlay, settings).keySet()));
            }

            assertThat(variables).hasSizeGreaterThan(10)
                    .allSatisfy(variable -> assertThat(readme).as("README explains %s", variable).contains(variable));
        }

        @Test
        void showsTheCommandsToRunIt() {
            assertThat(Repository.read(README))
                    .contains("./mvnw -DskipTests package")
                    .contains("docker compose -f deploy/compose/compose.yaml up --build")
                    .contains("grant_type=password")
                    .contains("kubectl apply -k deploy/kubernetes/overlays/production");
        }
    }

    @Nested
    class TheMetricList {

        @Test
        void namesMetersTheServicesRegister() {
            for (KnownMetrics.Metric metric : KnownMetrics.ALL) {
                if (metric.origin() != KnownMetrics.Origin.SERVICE) {
                    continue;
                }
                List<Path> registering = Repository.files(Repository.ROOT.resolve(metric.service()).resolve("src/main/java"),
                        ".java").stream()
                        .filter(source -> Repository.read(source).contains("\"" + metric.meter() + "\""))
                        .toList();
                assertThat(registering).as("%s registers %s", metric.service(), metric.meter()).isNotEmpty();
                if (metric.kind() == KnownMetrics.Kind.TIMER_HISTOGRAM) {
                    assertThat(registering).anySatisfy(source -> assertThat(Repository.read(source))
                            .contains("publishPercentileHistogram"));
                }
            }
        }

        @Test
        void extractsMetricNamesFromPromQl() {
            assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(ledger_commands_seconds_bucket"
                    + "{outcome=\"refused\", code=~\"A|B\"}[$__rate_interval])))"))
                    .containsExactly("ledger_commands_seconds_bucket");
            assertThat(PromQl.metricNames("max(a_b) > 0 and on() sum(rate(c_total[5m] offset 1h)) == 1e3"))
                    .containsExactly("a_b", "c_total");
            assertThat(PromQl.metricNames("100 * max by (regime) (x{regime=~\"$regime\"}) / ignoring(job) y"))
                    .containsExactly("x", "y");
            assertThat(PromQl.metricNames("label_values(ledger_regime_cap_ppb, regime)"))
                    .containsExactly("ledger_regime_cap_ppb");
        }

        @Test
        void catchesAMisspelledMetric() {
            Set<String> unknown = new TreeSet<>(PromQl.metricNames(
                    "sum(rate(ledger_command_seconds_count[5m])) / sum(rate(projection_lag_seconds_count[5m]))"));
            unknown.removeAll(KnownMetrics.prometheusNames());

            assertThat(unknown).containsExactly("ledger_command_seconds_count");
        }

        @Test
        void derivesPrometheusNamesAsMicrometerWrites() {
            assertThat(KnownMetrics.prometheusNames()).contains("ledger_commands_seconds_bucket",
                    "ledger_publish_events_total", "ledger_publish_lag_events", "projection_lag_seconds_max",
                    "projection_regime_last_sequence", "jvm_memory_used_bytes", "ledger_company_available_ppb")
                    .doesNotContain("ledger_publish_delay_seconds_bucket", "ledger_publish_lag_events_total");
        }
    }

    // Shared helpers for the manifests

    static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.kind())).toList();
    }

    static Manifest deployment(List<Manifest> manifests, String name) {
        return ofKind(manifests, "Deployment").stream().filter(manifest -> manifest.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    static Map<String, Object> podSpec(Manifest deployment) {
        return map(map(map(deployment.document(), "spec"), "template"), "spec");
    }

    static Map<String, Object> container(Manifest deployment, String name) {
        return maps(podSpec(deployment), "containers").stream().filter(container -> name.equals(container.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no container " + name + " in " + deployment.name()));
    }

    /** A port given by number or by the name of one of the container's ports. */
    static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return maps(container, "ports").stream().filter(candidate -> String.valueOf(port).equals(candidate.get("name")))
                .map(candidate -> (Integer) candidate.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    /** The environment of a service's container as an overlay builds it: env, ConfigMaps and Secrets it draws from. */
    static Map<String, String> environmentOf(Path overlay, ServiceSettings settings) {
        List<Manifest> manifests = Kustomize.manifestsOf(overlay);
        Map<String, Map<String, String>> configMaps = Kustomize.generatedConfigMaps(overlay);
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, Object> container = container(deployment(manifests, settings.name()), settings.name());
        for (Map<String, Object> source : maps(container, "envFrom")) {
            String configMap = string(map(source, "configMapRef"), "name");
            String secret = string(map(source, "secretRef"), "name");
            if (configMap != null) {
                assertThat(configMaps).as("%s generates the ConfigMap %s", overlay, configMap).containsKey(configMap);
                environment.putAll(configMaps.get(configMap));
            }
            if (secret != null) {
                // The placeholders show a Secret's keys even where the overlay (production) leaves it to the platform.
                ofKind(Kustomize.allManifests(), "Secret").stream().filter(manifest -> manifest.name().equals(secret))
                        .forEach(manifest -> map(manifest.document(), "stringData").forEach(
                                (key, value) -> environment.put(key, String.valueOf(value))));
            }
        }
        for (Map<String, Object> variable : maps(container, "env")) {
            environment.put(string(variable, "name"), string(variable, "value"));
        }
        return environment;
    }

    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|K|M|G)?");

    /** A Kubernetes memory quantity in bytes. */
    static long bytes(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity);
        if (!matcher.matches()) {
            throw new AssertionError("not a memory quantity: " + quantity);
        }
        double value = Double.parseDouble(matcher.group(1));
        long unit = switch (matcher.group(2) == null ? "" : matcher.group(2)) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            default -> 1L;
        };
        return (long) (value * unit);
    }

    @Test
    void memoryQuantitiesAreReadInBytes() {
        assertThat(bytes("512Mi")).isEqualTo(536_870_912L);
        assertThat(bytes("0.5Gi")).isEqualTo(536_870_912L);
        assertThat(bytes("600M")).isGreaterThan(bytes("512Mi"));
        assertThatThrownBy(() -> bytes("lots")).isInstanceOf(AssertionError.class);
    }
}
