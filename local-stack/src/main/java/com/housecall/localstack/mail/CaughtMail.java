package com.housecall.localstack.mail;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One received mail as {@code GET /api/messages} shows it (CONTRACT.md section 1).
 *
 * @param to the envelope recipients (Bcc included), in the order the headers name them
 * @param text the first text/plain part, null if none
 * @param html the first text/html part, null if none
 * @param receivedAt RFC 3339, UTC
 */
record CaughtMail(
        String id,
        List<String> to,
        @Nullable String from,
        @Nullable String subject,
        @Nullable String text,
        @Nullable String html,
        String receivedAt) {

    static CaughtMail of(String id, MovingMessage envelope, Instant receivedAt) {
        MimeMessage mime = envelope.getMessage();
        Bodies bodies = new Bodies();
        String subject = null;
        String from = null;
        List<String> to = recipients(envelope, mime);
        try {
            subject = mime.getSubject();
            from = firstAddress(mime.getFrom());
            bodies.collect(mime);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            // Keep what could be read: a half-shown mail beats a sender that sees SMTP errors.
            System.err.println("mail catcher: cannot read message " + id + ": " + unreadable);
        }
        if (from == null && envelope.getReturnPath() != null) {
            from = envelope.getReturnPath().getEmail();
        }
        return new CaughtMail(id, to, from, subject, bodies.text, bodies.html,
                receivedAt.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static List<String> recipients(MovingMessage envelope, MimeMessage mime) {
        // keyed case-insensitively: headers and RCPT TO may spell an address differently
        Map<String, String> remaining = new TreeMap<>();
        for (MailAddress address : envelope.getToAddresses()) {
            remaining.put(address.getEmail().toLowerCase(Locale.ROOT), address.getEmail());
        }
        List<String> ordered = new ArrayList<>();
        try {
            Address[] named = mime.getAllRecipients();
            for (Address address : named == null ? new Address[0] : named) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null
                        && remaining.remove(internet.getAddress().toLowerCase(Locale.ROOT)) != null) {
                    ordered.add(internet.getAddress());
                }
            }
        } catch (MessagingException badHeaders) {
            // fall back to the envelope's order
        }
        ordered.addAll(remaining.values());
        return List.copyOf(ordered);
    }

    private static @Nullable String firstAddress(Address @Nullable [] addresses) {
        if (addresses == null || addresses.length == 0) {
            return null;
        }
        return addresses[0] instanceof InternetAddress internet ? internet.getAddress() : addresses[0].toString();
    }

    /** SMTP forces CRLF line ends; show the lines as they were written. */
    private static String unwire(String body) {
        return body.replace("\r\n", "\n");
    }

    /** Walks multipart/alternative, /mixed and /related alike, skipping attachments. */
    private static final class Bodies {
        @Nullable String text;
        @Nullable String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = unwire(part.getContent().toString());
            } else if (part.isMimeType("text/html") && html == null) {
                html = unwire(part.getContent().toString());
            }
        }
    }
}
