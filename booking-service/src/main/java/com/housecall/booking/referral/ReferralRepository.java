package com.housecall.booking.referral;

import com.housecall.booking.referral.ServiceRequestMapper.ReferralIdentifier;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which consultation each clinic's referral number became. */
@Repository
class ReferralRepository {

    /** A stored referral: the clinic (azp), its identifier and the consultation (= referral) id. */
    record StoredReferral(String clinic, ReferralIdentifier identifier, UUID id) {
    }

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a duplicate key, or waits for a concurrent insert of the same key to end, if the referral exists. */
    void insert(String clinic, ReferralIdentifier identifier, UUID id, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO referral (clinic, identifier_system, identifier_value, consultation_id, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(clinic, identifier.system(), identifier.value(), id.toString(), at)
                .update();
    }

    Optional<StoredReferral> find(String clinic, ReferralIdentifier identifier) {
        return jdbc.sql("""
                        SELECT * FROM referral WHERE clinic = ? AND identifier_system = ? AND identifier_value = ?""")
                .params(clinic, identifier.system(), identifier.value())
                .query(ReferralRepository::referral).optional();
    }

    Optional<StoredReferral> find(UUID id) {
        return jdbc.sql("SELECT * FROM referral WHERE consultation_id = ?").param(id.toString())
                .query(ReferralRepository::referral).optional();
    }

    /**
     * Referrals with an identifier value, optionally of one system and one clinic (null = any), oldest first, at most
     * {@code limit}.
     */
    List<StoredReferral> search(String clinic, String system, String value, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM referral WHERE identifier_value = ?");
        List<Object> params = new ArrayList<>(List.of(value));
        if (clinic != null) {
            sql.append(" AND clinic = ?");
            params.add(clinic);
        }
        if (system != null) {
            sql.append(" AND identifier_system = ?");
            params.add(system);
        }
        sql.append(" ORDER BY created_at, consultation_id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ReferralRepository::referral).list();
    }

    private static StoredReferral referral(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredReferral(rs.getString("clinic"),
                new ReferralIdentifier(rs.getString("identifier_system"), rs.getString("identifier_value")),
                UUID.fromString(rs.getString("consultation_id")));
    }
}
