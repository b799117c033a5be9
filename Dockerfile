# The portal's image: build the jar first (mvn -DskipTests package), then `docker compose up`.
# Stage 1: the jar extracted (Spring Boot's tools jarmode) and a Class Data Sharing archive trained on
# it: one start that stops once the context is refreshed (embedded PostgreSQL, thrown away) and dumps
# the classes it loaded. Every start of the image then maps the archive instead of loading and
# verifying those classes again. If the training cannot run here, the image is built without it and
# starts as before.
FROM eclipse-temurin:17-jre AS build
RUN useradd --system --uid 10001 --create-home portail
WORKDIR /app
COPY target/portail-famille-*.jar /tmp/portail-famille.jar
RUN java -Djarmode=tools -jar /tmp/portail-famille.jar extract --destination /app && chown -R portail /app
USER portail
# the same JVM options as the image's (the archive is refused by a JVM with another heap or GC setting)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2
RUN PORTAL_ADMIN_PASSWORD=training-only PORTAL_DATA_DIR=/tmp/cds-training-db \
        java -XX:ArchiveClassesAtExit=/app/portail.jsa -Dspring.context.exit=onRefresh -jar /app/portail-famille.jar \
        >/tmp/cds-training.log 2>&1 \
    || (echo "Class Data Sharing training failed: the image starts without it"; tail -20 /tmp/cds-training.log; rm -f /app/portail.jsa)

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 portail
WORKDIR /app
COPY --from=build /app/ /app/
USER portail
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=5 \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
# -Xshare:auto: an archive the JVM cannot use (another JVM, a changed jar) is ignored, never fatal
ENTRYPOINT ["sh", "-c", "if [ -s /app/portail.jsa ]; then exec java -XX:SharedArchiveFile=/app/portail.jsa -Xshare:auto -jar /app/portail-famille.jar; else exec java -jar /app/portail-famille.jar; fi"]
