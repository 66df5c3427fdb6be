# One image per service: docker build -f deploy/service.Dockerfile --build-arg MODULE=booking-service .
# Build the jars first (./mvnw -DskipTests install): the image only copies the module's executable jar.
FROM eclipse-temurin:25-jre
ARG MODULE
RUN useradd --system --uid 10001 housecall
COPY ${MODULE}/target/${MODULE}.jar /app/service.jar
USER housecall
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
