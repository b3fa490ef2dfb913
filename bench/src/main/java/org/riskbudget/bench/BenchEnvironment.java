package org.riskbudget.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.riskbudget.bench.harness.FreePort;
import org.riskbudget.bench.harness.HttpApi;
import org.riskbudget.bench.harness.Progress;
import org.riskbudget.bench.harness.ServiceProcess;
import org.riskbudget.bench.naive.NaiveLedgerApplication;
import org.riskbudget.standalone.EmbeddedPostgresServer;
import org.riskbudget.standalone.KafkaBroker;

/**
 * What the benchmarks run on: one embedded PostgreSQL server (durable: {@code synchronous_commit=on},
 * {@code fsync=on}) holding a database per service, one in-process KRaft broker, and the services as processes
 * from their runnable jars (the naive baseline from this class path). Everything lives under one directory of the
 * run and is stopped on close.
 */
final class BenchEnvironment implements AutoCloseable {

    private final Path directory;
    private final Path ledgerJar;
    private final Path projectionJar;
    private final EmbeddedPostgresServer postgres;
    private final KafkaBroker broker;
    private final HttpApi api = new HttpApi();
    private final List<ServiceProcess> services = new ArrayList<>();

    private BenchEnvironment(Path directory, Path ledgerJar, Path projectionJar, EmbeddedPostgresServer postgres,
            KafkaBroker broker) {
        this.directory = directory;
        this.ledgerJar = ledgerJar;
        this.projectionJar = projectionJar;
        this.postgres = postgres;
        this.broker = broker;
    }

    static BenchEnvironment start(Path directory) {
        Path ledgerJar = jar("ledger.jar");
        Path projectionJar = jar("projection.jar");
        CompletableFuture<EmbeddedPostgresServer> postgres = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgresServer.start(directory.resolve("postgres"), 0));
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(directory.resolve("kafka"), 0));
        BenchEnvironment environment = new BenchEnvironment(directory, ledgerJar, projectionJar, postgres.join(),
                broker.join());
        environment.enableWalTiming();
        Progress.line("setup", "PostgreSQL on port %d (synchronous_commit=%s, fsync=%s), Kafka on %s",
                environment.postgres.port(), environment.setting("synchronous_commit"), environment.setting("fsync"),
                environment.broker.bootstrapServers());
        return environment;
    }

    /** ledger-service on database {@code database} of the shared server, with the standalone token issuer. */
    ServiceProcess ledger(String name, String database, int poolSize, List<String> extraArguments) {
        postgres.createDatabaseIfMissing(database);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=standalone",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--ledger.security.local-issuer.key-file=" + directory.resolve("dev-issuer-key.json")));
        arguments.addAll(dataSource(database));
        arguments.addAll(pool(poolSize));
        arguments.addAll(extraArguments);
        return register(ServiceProcess.jar(name, ServiceProcess.BENCHMARK_JVM, ledgerJar, arguments, FreePort.pick(),
                directory.resolve("logs")));
    }

    /** projection-service on its own database and topic, trusting the tokens of {@code ledger}. */
    ServiceProcess projection(String name, String database, URI ledger, String topic, String group) {
        postgres.createDatabaseIfMissing(database);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=standalone",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + ledger.resolve("/api/v1/dev/jwks"),
                "--projection.consumer.topic=" + topic,
                "--projection.consumer.group=" + group));
        arguments.addAll(dataSource(database));
        return register(ServiceProcess.jar(name, ServiceProcess.BENCHMARK_JVM, projectionJar, arguments,
                FreePort.pick(), directory.resolve("logs")));
    }

    /** The naive SQL ledger on its own database, with the same connection pool as the ledger's. */
    ServiceProcess naive(String name, String database, int poolSize) {
        postgres.createDatabaseIfMissing(database);
        List<String> arguments = new ArrayList<>(dataSource(database));
        arguments.addAll(pool(poolSize));
        return register(ServiceProcess.mainClass(name, NaiveLedgerApplication.class, arguments, FreePort.pick(),
                "/api/v1/regimes/naive/ready", directory.resolve("logs")));
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    /** A connection whose batches of inserts travel as multi-row statements: for writing long histories. */
    Connection connectForBulk(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database) + "?reWriteBatchedInserts=true",
                postgres.username(), postgres.password());
    }

    String setting(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL setting " + name, e);
        }
    }

    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(directory.resolve("postgres").resolve("postmaster.pid")).get(0)
                    .strip());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the postmaster's pid", e);
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    HttpApi api() {
        return api;
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        for (int index = services.size() - 1; index >= 0; index--) {
            services.get(index).close();
        }
        broker.close();
        postgres.close();
    }

    private ServiceProcess register(ServiceProcess service) {
        services.add(service);
        return service;
    }

    /**
     * At most {@code size} connections, only a few kept open while idle, so that two services sized for the full
     * run's clients do not hold more than the server's connections between them while one of them is idle.
     */
    private static List<String> pool(int size) {
        return List.of("--spring.datasource.hikari.maximum-pool-size=" + size,
                "--spring.datasource.hikari.minimum-idle=" + Math.min(size, 4));
    }

    private List<String> dataSource(String database) {
        return List.of("--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password());
    }

    /** WAL flush timings (pg_stat_wal.wal_sync_time) show what one commit's fsync costs on this disk. */
    private void enableWalTiming() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET track_wal_io_timing = on");
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enable WAL timing", e);
        }
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property " + property + " must name the service's runnable jar; "
                    + "run the benchmarks through Maven (see docs/PERFORMANCE.md), which builds and names it");
        }
        return Path.of(path);
    }
}
