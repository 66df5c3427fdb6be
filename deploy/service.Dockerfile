# One image per service: docker build -f deploy/service.Dockerfile --build-arg MODULE=booking-service .
# Build the jars first (./mvnw -DskipTests install): the image only copies the module's executable jar.
FROM eclipse-temurin:25-jre
ARG MODULE
RUN useradd --system --uid 10001 housecall
COPY ${MODULE}/target/${MODULE}.jar /app/service.jar
USER housecall
# the service port and the management port (health, Prometheus; 9180-9185 by part) answer outside the container,
# where the network is the boundary: the gateway, Prometheus and kubelet probes reach them (DECISIONS 4); both are
# bound to loopback elsewhere
ENV HOUSECALL_MANAGEMENT_ADDRESS=0.0.0.0 HOUSECALL_BIND_ADDRESS=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
