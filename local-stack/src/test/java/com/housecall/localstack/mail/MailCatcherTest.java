package com.housecall.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MailCatcherTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MailCatcher catcher;

    @BeforeEach
    void start() throws IOException {
        catcher = MailCatcher.start(0, 0); // free ports: the machine is shared
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void showsMultipartMailsOldestFirstAndForgetsThemOnDelete() throws Exception {
        Instant before = Instant.now();
        send(alternativeWithAttachment());
        send(plainText());

        JsonNode mails = await().atMost(Duration.ofSeconds(10))
                .until(() -> messages(), list -> list.size() == 2);

        JsonNode first = mails.get(0);
        assertThat(first.get("id").isString()).isTrue();
        assertThat(first.get("to").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ada@example.test", "grace@example.test", "hidden@example.test");
        assertThat(first.get("from").asString()).isEqualTo("no-reply@housecall.test");
        assertThat(first.get("subject").asString()).isEqualTo("Your visit is confirmed – café at 9");
        assertThat(first.get("text").asString()).isEqualTo("See you at 9.");
        assertThat(first.get("html").asString()).isEqualTo("<p>See you at <b>9</b>.</p>");
        String receivedAt = first.get("receivedAt").asString();
        assertThat(receivedAt).endsWith("Z");
        assertThat(Instant.parse(receivedAt)).isBetween(before.minusSeconds(1), Instant.now());

        JsonNode second = mails.get(1);
        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(second.get("subject").asString()).isEqualTo("Reminder");
        assertThat(second.get("text").asString()).isEqualTo("Tomorrow at 9.\nBring a blanket.");
        assertThat(second.get("html").isNull()).isTrue();

        HttpResponse<String> deleted = http.send(request("/api/messages").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(messages().isEmpty()).isTrue();
    }

    /** A long load test sends tens of thousands of mails: the catcher keeps the newest rather than run out of heap. */
    @Test
    void keepsTheNewestMailsOnly() throws Exception {
        int sent = MailCatcher.KEPT + 3;
        try (Transport transport = session().getTransport("smtp")) {
            transport.connect("127.0.0.1", catcher.smtpPort(), "apikey", "whatever");
            for (int i = 1; i <= sent; i++) {
                MimeMessage mail = plainText();
                mail.setSubject("Reminder " + i);
                mail.saveChanges();
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        }

        JsonNode mails = messages(); // each send returned once the catcher had the mail
        assertThat(mails.size()).isEqualTo(MailCatcher.KEPT);
        assertThat(mails.get(0).get("subject").asString()).isEqualTo("Reminder 4");
        assertThat(mails.get(mails.size() - 1).get("subject").asString()).isEqualTo("Reminder " + sent);
    }

    @Test
    void answersHealthAndRejectsOtherMethods() throws Exception {
        assertThat(http.send(request("/health").GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("UP");
        HttpResponse<Void> post = http.send(
                request("/api/messages").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(http.send(request("/nothing").GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(404);
    }

    private MimeMessage alternativeWithAttachment() throws MessagingException, IOException {
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom(new InternetAddress("no-reply@housecall.test", false));
        mail.setRecipients(RecipientType.TO, "Ada <ada@example.test>");
        mail.setRecipients(RecipientType.CC, "grace@example.test");
        mail.setRecipients(RecipientType.BCC, "hidden@example.test");
        mail.setSubject("Your visit is confirmed – café at 9", "UTF-8");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See you at 9.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>See you at <b>9</b>.</p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);

        // a text attachment must not be taken for the body
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource("not the body", "text/plain")));
        attachment.setFileName("notes.txt");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        mail.setContent(mixed);
        return mail;
    }

    private MimeMessage plainText() throws MessagingException {
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom("no-reply@housecall.test");
        mail.setRecipients(RecipientType.TO, "ada@example.test");
        mail.setSubject("Reminder");
        mail.setText("Tomorrow at 9.\nBring a blanket.");
        return mail;
    }

    private void send(MimeMessage mail) throws MessagingException {
        mail.saveChanges();
        // any credentials are accepted, as a provider's API key would be
        try (Transport transport = session().getTransport("smtp")) {
            transport.connect("127.0.0.1", catcher.smtpPort(), "apikey", "whatever");
            transport.sendMessage(mail, mail.getAllRecipients());
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        return Session.getInstance(properties);
    }

    private JsonNode messages() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/messages").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.isArray()).isTrue();
        return body;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + catcher.httpPort() + path))
                .timeout(Duration.ofSeconds(5));
    }
}
