package com.housecall.notification.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest contact of each consultation, as booking.contacts.v1 last told it. */
@Repository
public class Contacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Contacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts or replaces the contact; the caller's transaction (one consultation per partition) orders writes. */
    public void save(Contact contact) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        UPDATE contact SET given_name = ?, family_name = ?, email = ?, phone = ?, prefers_email = ?,
                               prefers_sms = ?, email_consent = ?, sms_consent = ?, time_zone = ?, updated_at = ?
                        WHERE consultation_id = ?""")
                .params(contact.givenName(), contact.familyName(), contact.email(), contact.phone(),
                        contact.preferredChannels().contains(Channel.EMAIL),
                        contact.preferredChannels().contains(Channel.SMS), contact.emailConsent(),
                        contact.smsConsent(), contact.timeZone().getId(), now, contact.consultationId().toString())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO contact (consultation_id, given_name, family_name, email, phone, prefers_email,
                                                 prefers_sms, email_consent, sms_consent, time_zone, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(contact.consultationId().toString(), contact.givenName(), contact.familyName(),
                            contact.email(), contact.phone(), contact.preferredChannels().contains(Channel.EMAIL),
                            contact.preferredChannels().contains(Channel.SMS), contact.emailConsent(),
                            contact.smsConsent(), contact.timeZone().getId(), now)
                    .update();
        }
    }

    /**
     * Erasure (issue 21): the name, email and phone go; what was sent stays (channel, type, status, times) and what
     * is still queued is suppressed as {@code NO_CONTACT} when its turn comes.
     */
    public void erase(UUID consultationId) {
        jdbc.sql("DELETE FROM contact WHERE consultation_id = ?").param(consultationId.toString()).update();
    }

    public Optional<Contact> find(UUID consultationId) {
        return jdbc.sql("SELECT * FROM contact WHERE consultation_id = ?")
                .param(consultationId.toString())
                .query(Contacts::contact)
                .optional();
    }

    private static Contact contact(ResultSet row, int rowNum) throws SQLException {
        Set<Channel> preferred = EnumSet.noneOf(Channel.class);
        if (row.getBoolean("prefers_email")) {
            preferred.add(Channel.EMAIL);
        }
        if (row.getBoolean("prefers_sms")) {
            preferred.add(Channel.SMS);
        }
        return new Contact(UUID.fromString(row.getString("consultation_id")), row.getString("given_name"),
                row.getString("family_name"), row.getString("email"), row.getString("phone"), preferred,
                row.getBoolean("email_consent"), row.getBoolean("sms_consent"), ZoneId.of(row.getString("time_zone")));
    }
}
