package com.housecall.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What must hold once a scenario has drained, read from the services' own databases: every accepted consultation
 * in one settled (terminal or hold) status, no nurse in two places at once, and exactly one booking confirmation per
 * consultation and channel, none left half-sent.
 */
final class Invariants {

    /** Booking's statuses a consultation may rest in: terminal, or held for a person. */
    static final Set<String> SETTLED = Set.of("INELIGIBLE", "IN_REVIEW", "SAFETY_HOLD", "CONFIRMED", "UNFULFILLED",
            "COMPLETED", "CANCELLED");
    /** The channels every load-generator referral prefers and consents to. */
    static final List<String> CHANNELS = List.of("EMAIL", "SMS");

    private final Databases databases;

    Invariants(Databases databases) {
        this.databases = databases;
    }

    /** Every violation found, one line each; empty when all hold. */
    List<String> check(Collection<String> accepted, Collection<String> confirmed) throws SQLException {
        List<String> violations = new ArrayList<>();
        violations.addAll(unsettled(accepted));
        violations.addAll(doubleBooked());
        violations.addAll(confirmations(confirmed));
        return violations;
    }

    private List<String> unsettled(Collection<String> accepted) throws SQLException {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Connection c = databases.open("housecall_booking");
             PreparedStatement s = c.prepareStatement("SELECT id, status FROM consultation WHERE id = ANY(?)")) {
            s.setArray(1, ids(c, accepted));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    seen.add(rows.getString(1));
                    if (!SETTLED.contains(rows.getString(2))) {
                        violations.add("consultation " + rows.getString(1) + " rests in " + rows.getString(2));
                    }
                }
            }
        }
        accepted.stream().filter(id -> !seen.contains(id))
                .forEach(id -> violations.add("consultation " + id + " was accepted but booking has no record of it"));
        return violations;
    }

    /** Two live visits of one nurse that overlap, or two live visits for one place in one course. */
    private List<String> doubleBooked() throws SQLException {
        String live = "status NOT IN ('DECLINED', 'CANCELLED', 'UNSCHEDULABLE')";
        List<String> violations = new ArrayList<>();
        try (Connection c = databases.open("housecall_dispatch")) {
            query(c, """
                    SELECT a.nurse_id, a.visit_id, b.visit_id FROM visit a JOIN visit b
                      ON a.nurse_id = b.nurse_id AND a.visit_id < b.visit_id
                     AND a.start_at < b.end_at AND b.start_at < a.end_at
                    WHERE a.%s AND b.%s""".formatted(live, live),
                    row -> "nurse " + row[0] + " is booked twice at once: visits " + row[1] + " and " + row[2],
                    violations);
            query(c, "SELECT consultation_id, sequence, count(*) FROM visit WHERE " + live
                            + " GROUP BY consultation_id, sequence HAVING count(*) > 1",
                    row -> "consultation " + row[0] + " has " + row[2] + " live visits for visit " + row[1],
                    violations);
        }
        return violations;
    }

    /** Exactly one BOOKING_CONFIRMED per confirmed consultation and channel, and not stuck mid-send. */
    private List<String> confirmations(Collection<String> confirmed) throws SQLException {
        List<String> violations = new ArrayList<>();
        Set<String> found = new HashSet<>();
        try (Connection c = databases.open("housecall_notification");
             PreparedStatement s = c.prepareStatement("""
                     SELECT consultation_id, channel, count(*), min(status), max(status) FROM notification
                     WHERE type = 'BOOKING_CONFIRMED' AND recipient = 'PATIENT' AND consultation_id = ANY(?)
                     GROUP BY consultation_id, channel""")) {
            s.setArray(1, ids(c, confirmed));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String which = rows.getString(1) + " on " + rows.getString(2);
                    found.add(which);
                    if (rows.getInt(3) != 1) {
                        violations.add(rows.getInt(3) + " booking confirmations for " + which);
                    }
                    if (rows.getString(4).equals("SENDING") || rows.getString(5).equals("SENDING")) {
                        violations.add("the booking confirmation for " + which + " is stuck in SENDING");
                    }
                }
            }
        }
        for (String id : confirmed) {
            CHANNELS.stream().map(channel -> id + " on " + channel).filter(which -> !found.contains(which))
                    .forEach(which -> violations.add("no booking confirmation for " + which));
        }
        return violations;
    }

    private interface Line {
        String of(String[] row);
    }

    private static void query(Connection c, String sql, Line line, List<String> into) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getString(i + 1);
                }
                into.add(line.of(row));
            }
        }
    }

    private static Array ids(Connection c, Collection<String> ids) throws SQLException {
        return c.createArrayOf("varchar", ids.toArray());
    }
}
