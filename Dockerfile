# syntax=docker/dockerfile:1

# Image of the Case Record Service (case-api) for production mode: the service expects an
# external PostgreSQL via SPRING_DATASOURCE_URL (see docker-compose.yml).

# --- Build stage -------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# The whole reactor is copied at once: dependency:go-offline is unreliable with
# inter-module dependencies, so the Maven repository (and the Maven distribution the
# wrapper downloads) is kept in a BuildKit cache mount instead of an image layer.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl case-api -am package -DskipTests

# --- Runtime stage -----------------------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --gid 10001 caserecord \
    && useradd --no-log-init --uid 10001 --gid 10001 --no-create-home \
       --home-dir /app --shell /usr/sbin/nologin caserecord

WORKDIR /app
# Owned by root and read-only for the service user.
COPY --from=build /build/case-api/target/case-api.jar /app/case-api.jar

USER 10001:10001

# application.yml binds to 127.0.0.1 by default; inside a container it must listen on all
# interfaces (publish the port on the host's loopback only, as docker-compose.yml does).
ENV SERVER_ADDRESS=0.0.0.0
EXPOSE 8080

# No HEALTHCHECK here: docker-compose.yml defines one against /actuator/health/readiness.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/case-api.jar"]
