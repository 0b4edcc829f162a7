# Build context: the repository root, after ./mvnw -B package
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S registry && adduser -S -G registry -H registry
WORKDIR /app
COPY query-side/target/query-side.jar /app/query-side.jar
USER registry
EXPOSE 8082
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=5 \
  CMD wget -qO- http://127.0.0.1:8082/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/query-side.jar"]
