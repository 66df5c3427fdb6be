package com.housecall.booking.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions and their deliveries: what booking-service stores of partner notifications. */
@Repository
class SubscriptionRepository {

    /** A subscription: {@code status} active, error or off (deleted). */
    record Stored(UUID id, String clinic, String endpoint, String secret, String status, String errorReason) {
    }

    /** One notification: PENDING until DELIVERED, or FAILED after 24 h. */
    record Delivery(UUID id, UUID subscriptionId, UUID consultationId, String taskStatus, String businessStatus,
                    String body, String state, int attempts, Instant createdAt, Instant deliveredAt,
                    String lastError) {
    }

    /** What GET Subscription and the operators show of deliveries. */
    record DeliveryState(long pending, long delivered, long failed, Instant lastDeliveredAt, String lastError) {
    }

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Stored s, Instant at) {
        jdbc.sql("""
                INSERT INTO fhir_subscription (id, clinic, endpoint, secret, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(s.id().toString(), s.clinic(), s.endpoint(), s.secret(), s.status(), utc(at)).update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT * FROM fhir_subscription WHERE id = ?").param(id.toString())
                .query(SubscriptionRepository::stored).optional();
    }

    List<Stored> active(String clinic) {
        return jdbc.sql("SELECT * FROM fhir_subscription WHERE clinic = ? AND status = 'active' ORDER BY created_at")
                .param(clinic).query(SubscriptionRepository::stored).list();
    }

    List<Stored> page(int page, int size) {
        return jdbc.sql("SELECT * FROM fhir_subscription ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query(SubscriptionRepository::stored).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM fhir_subscription").query(Long.class).single();
    }

    void setStatus(UUID id, String status, String reason) {
        jdbc.sql("UPDATE fhir_subscription SET status = ?, error_reason = ? WHERE id = ?")
                .params(status, reason, id.toString()).update();
        if (!"active".equals(status)) {
            // nothing more goes to an endpoint in error or a deleted subscription
            jdbc.sql("UPDATE fhir_subscription_delivery SET state = 'CANCELLED' WHERE subscription_id = ? "
                    + "AND state = 'PENDING'").param(id.toString()).update();
        }
    }

    /** The (status, businessStatus) last queued for this Task and subscription, if any. */
    Optional<String> lastQueued(UUID subscription, UUID consultation) {
        return jdbc.sql("""
                        SELECT task_status, business_status FROM fhir_subscription_delivery
                        WHERE subscription_id = ? AND consultation_id = ? ORDER BY created_at DESC, id LIMIT 1""")
                .params(subscription.toString(), consultation.toString())
                .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2)).optional();
    }

    void queue(UUID subscription, UUID consultation, String taskStatus, String businessStatus, String body,
               Instant at) {
        jdbc.sql("""
                INSERT INTO fhir_subscription_delivery (id, subscription_id, consultation_id, task_status,
                  business_status, body, state, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(UUID.randomUUID().toString(), subscription.toString(), consultation.toString(), taskStatus,
                        businessStatus, body, utc(at), utc(at)).update();
    }

    /** Due deliveries, each its subscription's oldest pending one (so a clinic receives its changes in order). */
    List<Delivery> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT d.* FROM fhir_subscription_delivery d
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM fhir_subscription_delivery e
                                          WHERE e.subscription_id = d.subscription_id AND e.state = 'PENDING'
                                            AND (e.created_at < d.created_at
                                                 OR e.created_at = d.created_at AND e.id < d.id))
                        ORDER BY d.next_attempt_at LIMIT ?""")
                .params(utc(now), limit).query(SubscriptionRepository::delivery).list();
    }

    /**
     * Takes a due delivery for one attempt: counts the attempt and holds the row until {@code leaseUntil}. Only one
     * worker (of any instance) wins a given attempt; the others find the count moved on and skip it.
     */
    boolean claim(Delivery delivery, Instant leaseUntil) {
        return jdbc.sql("UPDATE fhir_subscription_delivery SET attempts = attempts + 1, next_attempt_at = ? "
                        + "WHERE id = ? AND state = 'PENDING' AND attempts = ?")
                .params(utc(leaseUntil), delivery.id().toString(), delivery.attempts()).update() == 1;
    }

    void delivered(UUID delivery, int attempts, Instant at) {
        jdbc.sql("UPDATE fhir_subscription_delivery SET state = 'DELIVERED', attempts = ?, delivered_at = ?, "
                + "last_error = NULL WHERE id = ?").params(attempts, utc(at), delivery.toString()).update();
    }

    void retryAt(UUID delivery, int attempts, Instant next, String error) {
        jdbc.sql("UPDATE fhir_subscription_delivery SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, utc(next), error, delivery.toString()).update();
    }

    void failed(UUID delivery, int attempts, String error) {
        jdbc.sql("UPDATE fhir_subscription_delivery SET state = 'FAILED', attempts = ?, last_error = ? WHERE id = ?")
                .params(attempts, error, delivery.toString()).update();
    }

    DeliveryState state(UUID subscription) {
        return jdbc.sql("""
                        SELECT SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END) AS pending,
                               SUM(CASE WHEN state = 'DELIVERED' THEN 1 ELSE 0 END) AS delivered,
                               SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                               MAX(delivered_at) AS last_delivered,
                               MAX(CASE WHEN state <> 'DELIVERED' THEN last_error END) AS last_error
                        FROM fhir_subscription_delivery WHERE subscription_id = ?""")
                .param(subscription.toString())
                .query((rs, row) -> new DeliveryState(rs.getLong("pending"), rs.getLong("delivered"),
                        rs.getLong("failed"), instant(rs, "last_delivered"), rs.getString("last_error")))
                .single();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(UUID.fromString(rs.getString("id")), rs.getString("clinic"), rs.getString("endpoint"),
                rs.getString("secret"), rs.getString("status"), rs.getString("error_reason"));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("subscription_id")),
                UUID.fromString(rs.getString("consultation_id")), rs.getString("task_status"),
                rs.getString("business_status"), rs.getString("body"), rs.getString("state"), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "delivered_at"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime at = rs.getObject(column, java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
