# Build context: the repository root, after ./mvnw -B package
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S registry && adduser -S -G registry -H registry
WORKDIR /app
COPY command-side/target/command-side.jar /app/command-side.jar
USER registry
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=5 \
  CMD wget -qO- http://127.0.0.1:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/command-side.jar"]
