# syntax=docker/dockerfile:1
# One image per service, built from the sources by Maven inside the build:
#   docker build -f deploy/service.Dockerfile --build-arg MODULE=booking-service .
# MODULE: booking-service, screening-service, dispatch-service, notification-service, operator-console or gateway.
# docker-compose.yml builds them all; deploy/kubernetes/ runs the pushed images.
FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
# the local Maven repository is a build cache, shared by the images' builds and kept out of the image
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -Dmaven.test.skip=true package -pl "${MODULE}" -am \
    && cp "${MODULE}/target/${MODULE}.jar" /service.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --no-create-home housecall
COPY --from=build /service.jar /app/service.jar
USER 10001
# the service port and the management port (health, Prometheus; 9180-9185 by part) answer outside the container,
# where the network is the boundary: the gateway, Prometheus and kubelet probes reach them (DECISIONS 4); both are
# bound to loopback elsewhere
ENV HOUSECALL_MANAGEMENT_ADDRESS=0.0.0.0 HOUSECALL_BIND_ADDRESS=0.0.0.0
EXPOSE 8080-8085 9180-9185
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
