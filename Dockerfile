# Build: the same Maven build as CI, without tests (run `mvn verify` before building an image).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
# bpmn/ and forms/ are Maven resources (see pom.xml): the models must be in the image's jar.
COPY src ./src
COPY bpmn ./bpmn
COPY forms ./forms
# The cache mount (BuildKit, the default builder) keeps downloaded dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# Run: the Spring Boot jar on a JRE, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin titlereview \
    && mkdir -p /app/data && chown -R titlereview /app
WORKDIR /app
COPY --from=build /build/target/title-review-*.jar /app/title-review.jar
USER titlereview
EXPOSE 8080
# Without SPRING_PROFILES_ACTIVE=prod the image runs the demo profile on H2 in /app/data (demo users!).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/title-review.jar"]
