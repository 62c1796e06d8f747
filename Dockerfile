# syntax=docker/dockerfile:1
# News portal image: build with the Maven wrapper, run on a JRE as a non-root user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# .dockerignore trims the context to what the build needs (pom.xml, mvnw, .mvn/, src/, es-mappings/).
COPY . .
# Cache mount keeps the local Maven repository (and the wrapper's Maven) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
# Fixed uid/gid above the base image's own users (ubuntu is 1000).
RUN groupadd --gid 10001 portal \
 && useradd --uid 10001 --gid portal --home-dir /app --no-create-home --shell /usr/sbin/nologin portal
WORKDIR /app
COPY --from=build /build/target/newsportal.jar /app/newsportal.jar
# The default corpus, indexed on first start (portal.ingest.sources: seeds, relative to /app).
COPY --from=build /build/seeds /app/seeds
# Created here with the right owner: a new named volume mounted on it copies that ownership.
RUN mkdir -p /app/data && chown portal:portal /app/data
USER portal
EXPOSE 8080
# The eclipse-temurin images ship curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health || exit 1
# CMD (not ENTRYPOINT) keeps the base image's entrypoint, which just execs this.
CMD ["java", "-jar", "/app/newsportal.jar"]
