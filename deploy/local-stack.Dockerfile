# syntax=docker/dockerfile:1
# The mail catcher and the SMS sink of CONTRACT.md section 1 (local-stack's mail/ and sms/), the same code
# bin/housecall up runs, as one image; the command names the stand-in:
#   docker build -f deploy/local-stack.Dockerfile -t housecall/local-stack .
#   docker run housecall/local-stack com.housecall.localstack.mail.MailCatcher   # SMTP 3025, HTTP 8025
#   docker run housecall/local-stack com.housecall.localstack.sms.SmsSink        # 8026
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -Dmaven.test.skip=true package -pl local-stack -am \
    && ./mvnw -B -ntp -q dependency:copy-dependencies -pl local-stack -DincludeScope=runtime \
         -DoutputDirectory=/stack/lib \
    && cp local-stack/target/local-stack.jar /stack/local-stack.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --no-create-home housecall
COPY --from=build /stack /app
USER 10001
# inside the container's network, which is the boundary; loopback elsewhere
ENV HOUSECALL_BIND_ADDRESS=0.0.0.0
EXPOSE 3025 8025 8026
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--sun-misc-unsafe-memory-access=allow", "-cp", "/app/local-stack.jar:/app/lib/*"]
CMD ["com.housecall.localstack.mail.MailCatcher"]
