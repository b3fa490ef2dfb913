# syntax=docker/dockerfile:1
# projection-service, the read side of the Risk Budget Ledger, as a container image.
#
# The image only wraps the runnable jar that Maven already built and tested, so the image runs exactly what
# `./mvnw verify` tested; build the jar first, from the repository root:
#   ./mvnw -DskipTests package
#   docker build -f deploy/docker/projection-service.Dockerfile -t risk-budget-ledger/projection-service:0.1.0-SNAPSHOT .
# (`docker compose -f deploy/compose/compose.yaml up --build` does the second step for you.)

# Temurin 17 JRE on Ubuntu 24.04, pinned to a patch release: Java 17 is what the project compiles for, and a
# moving tag would change the runtime under an unchanged jar. Its curl is used by the compose healthchecks.
FROM eclipse-temurin:17.0.18_8-jre-noble

# The project version (the root pom's <version>); the jar's file name carries it.
ARG SERVICE_VERSION=0.1.0-SNAPSHOT

# A fixed numeric user and group, not root: Kubernetes' runAsNonRoot can only verify a numeric user, and the same
# ids are used by the manifests' securityContext.
RUN groupadd --system --gid 10001 riskbudget \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin riskbudget

WORKDIR /app
COPY --chown=root:root --chmod=0444 projection-service/target/projection-service-${SERVICE_VERSION}-exec.jar /app/projection-service.jar

USER 10001:10001

# server.port in projection-service's application.yml; actuator (health groups, Prometheus) is served on the same port.
EXPOSE 8081

# Heap as half the container's memory limit (512 MiB in the manifests): measured at start-up, a service's non-heap
# memory (metaspace, code cache, threads, buffers) is about 190 MiB, so a larger share risks the OOM killer. Exit on
# OutOfMemoryError: the orchestrator restarts the container rather than keeping a half-working JVM. Deployments may
# override the variable.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"

# Exec form, so the JVM is PID 1 and receives SIGTERM itself: Spring's graceful shutdown (server.shutdown=graceful)
# then finishes requests in flight when the container is stopped.
ENTRYPOINT ["java", "-jar", "/app/projection-service.jar"]
