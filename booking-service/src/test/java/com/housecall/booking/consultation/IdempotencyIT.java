package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.booking.BookingIntegration;
import com.housecall.localstack.tokens.DemoUsers;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/** Idempotency-Key on POST /api/consultations (CONTRACT.md section 4). */
class IdempotencyIT extends BookingIntegration {

    @Autowired
    JdbcClient jdbc;

    HttpRequest postWithKey(String user, String key, String body) {
        return HttpRequest.newBuilder(uri("/api/consultations"))
                .header("Authorization", "Bearer " + DevJwt.token(user))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    long consultationsOf(String user) {
        return jdbc.sql("SELECT COUNT(*) FROM consultation WHERE patient_subject = ?")
                .param(DemoUsers.require(user).subject().toString()).query(Long.class).single();
    }

    @Test
    void theSameKeyAndTheSameJsonAnswers200WithTheFirstConsultation() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = validRequest(0);
        HttpResponse<String> first = send(postWithKey("patient1", key, body));
        // the same JSON, members in another order and other whitespace
        ObjectNode reordered = JSON.createObjectNode();
        ObjectNode parsed = (ObjectNode) JSON.readTree(body);
        List.of("consent", "preferredWindows", "intake", "timeZone", "address", "patient")
                .forEach(name -> reordered.set(name, parsed.get(name)));

        HttpResponse<String> again = send(postWithKey("patient1", key, reordered.toPrettyString()));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asString()).isEqualTo(json(first).get("id").asString());
        assertThat(json(again).has("status")).isTrue();
    }

    @Test
    void theSameKeyWithAnotherBodyIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(send(postWithKey("patient1", key, validRequest(0))).statusCode()).isEqualTo(202);

        HttpResponse<String> other = send(postWithKey("patient1", key, validRequest(0).replace("Ada", "Grace")));

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(other.body()).doesNotContain("Grace");
    }

    @Test
    void aKeyIsScopedToItsCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = json(send(postWithKey("patient1", key, validRequest(0)))).get("id").asString();

        HttpResponse<String> otherPatient = send(postWithKey("patient2", key, validRequest(0)));

        assertThat(otherPatient.statusCode()).isEqualTo(202);
        assertThat(json(otherPatient).get("id").asString()).isNotEqualTo(first);
    }

    @Test
    void aKeyOlderThan24HoursIsForgotten() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = json(send(postWithKey("patient1", key, validRequest(0)))).get("id").asString();
        jdbc.sql("UPDATE idempotency_key SET created_at = created_at - INTERVAL '25' HOUR WHERE idempotency_key = ?")
                .param(key).update();

        HttpResponse<String> later = send(postWithKey("patient1", key, validRequest(0).replace("Ada", "Grace")));

        assertThat(later.statusCode()).isEqualTo(202);
        assertThat(json(later).get("id").asString()).isNotEqualTo(first);
    }

    @Test
    void anInvalidKeyIs400() throws Exception {
        HttpResponse<String> response = send(postWithKey("patient1", "x".repeat(256), validRequest(0)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsString("field")).contains("Idempotency-Key");
    }

    @Test
    void concurrentDuplicatesMakeOneConsultationAndAllGetItsId() throws Exception {
        for (int round = 0; round < 3; round++) {
            String key = UUID.randomUUID().toString();
            String body = validRequest(0);
            long before = consultationsOf("patient2");
            HttpRequest request = postWithKey("patient2", key, body);

            List<HttpResponse<String>> responses = IntStream.range(0, 2)
                    .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 200);
            assertThat(responses).extracting(r -> json(r).get("id").asString()).containsOnly(
                    json(responses.getFirst()).get("id").asString());
            assertThat(consultationsOf("patient2")).isEqualTo(before + 1);
        }
    }
}
