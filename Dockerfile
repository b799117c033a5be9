# The portal's image: build the jar first (mvn -DskipTests package), then `docker compose up`.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 portail
WORKDIR /app
COPY target/portail-famille-*.jar /app/portail-famille.jar
USER portail
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=5 \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/portail-famille.jar"]
