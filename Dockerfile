# The ocihelm operator image: a plain JVM running the Quarkus fast-jar.
# Build the jar first (./mvnw -B package -DskipTests), then: docker build -t ocihelm:dev .
FROM eclipse-temurin:21-jre

WORKDIR /deployments
# Layers from least to most often changed, as the fast-jar lays them out.
COPY --chown=185:0 target/quarkus-app/lib/ lib/
COPY --chown=185:0 target/quarkus-app/quarkus-run.jar ./
COPY --chown=185:0 target/quarkus-app/app/ app/
COPY --chown=185:0 target/quarkus-app/quarkus/ quarkus/

# Not root; any UID works (files are group 0 readable, as OpenShift-style random UIDs need).
USER 185
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE 8080

# Same artifact as the CLI (DESIGN.md §3): the image runs the operator by default.
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
CMD ["operator"]
