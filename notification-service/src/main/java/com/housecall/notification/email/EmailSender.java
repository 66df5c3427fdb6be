package com.housecall.notification.email;

import com.housecall.notification.NotificationProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one email over SMTP ({@code spring.mail.*}) and answers its Message-ID, the provider id. */
@Component
public class EmailSender {

    private final JavaMailSender mail;
    private final InternetAddress from;

    EmailSender(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (MessagingException e) {
            throw new IllegalStateException("housecall.notification.from is not an email address", e);
        }
    }

    /**
     * Sends {@code email} to {@code to}, with a Message-ID derived from the notification id so the provider's
     * copy can be matched to our row. Throws {@link EmailFailedException} with a reason code.
     */
    public String send(String to, RenderedEmail email, UUID notificationId) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(to, true));
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("Message-ID", "<" + notificationId + "@" + domain(from) + ">");
        } catch (MessagingException e) {
            throw new EmailFailedException("INVALID_ADDRESS", e);
        }
        try {
            mail.send(message);
            String messageId = message.getMessageID();
            return messageId != null ? messageId : "<" + notificationId + ">";
        } catch (MailAuthenticationException e) {
            throw new EmailFailedException("PROVIDER_AUTH_FAILED", e);
        } catch (MailException | MessagingException e) {
            throw new EmailFailedException(reason(e), e);
        }
    }

    /** A timeout may come after the server accepted the message: its outcome is unknown. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "OUTCOME_UNKNOWN";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "PROVIDER_UNAVAILABLE";
            }
            if (t instanceof SendFailedException) {
                return "PROVIDER_REJECTED";
            }
        }
        return "SEND_FAILED";
    }

    private static String domain(InternetAddress address) {
        String value = address.getAddress();
        return value.substring(value.indexOf('@') + 1);
    }
}
