package com.housecall.dispatch.nurse;

import com.housecall.dispatch.nurse.NurseForm.ShiftForm;
import com.housecall.dispatch.nurse.NurseForm.TimeOffForm;
import com.housecall.dispatch.nurse.NurseProfile.TimeOff;
import com.housecall.dispatch.nurse.NurseProfile.WeeklyShift;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roster as operators edit it and nurses set their availability. */
@Repository
class NurseDirectory {

    private final JdbcClient jdbc;

    NurseDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM nurse").query(Long.class).single();
    }

    List<NurseProfile> page(int page, int size) {
        List<UUID> ids = jdbc.sql("SELECT id FROM nurse ORDER BY username LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query(UUID.class).list();
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    Optional<NurseProfile> find(UUID id) {
        record Row(String displayName, String username, String timeZone, String homePostalCode, boolean active) {
        }
        return jdbc.sql("SELECT display_name, username, time_zone, home_postal_code, active FROM nurse WHERE id = ?")
                .param(id)
                .query((rs, row) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .optional()
                .map(row -> new NurseProfile(id, row.displayName(), row.username(), row.timeZone(),
                        strings("SELECT state FROM nurse_license WHERE nurse_id = ? ORDER BY state", id),
                        strings("SELECT skill FROM nurse_skill WHERE nurse_id = ? ORDER BY skill", id),
                        row.homePostalCode(),
                        strings("SELECT zip_prefix FROM nurse_service_prefix WHERE nurse_id = ? ORDER BY zip_prefix", id),
                        shifts(id), timeOff(id), row.active()));
    }

    Optional<UUID> idOf(String username) {
        return jdbc.sql("SELECT id FROM nurse WHERE username = ?").param(username).query(UUID.class).optional();
    }

    boolean usernameTaken(String username, UUID except) {
        return jdbc.sql("SELECT COUNT(*) FROM nurse WHERE username = ? AND id <> ?").params(username, except)
                .query(Long.class).single() > 0;
    }

    void insert(UUID id, NurseForm form) {
        jdbc.sql("""
                        INSERT INTO nurse (id, username, display_name, time_zone, home_postal_code, active)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, form.username(), Objects.requireNonNull(form.displayName()).strip(), form.timeZone(),
                        form.homePostalCode(), !Boolean.FALSE.equals(form.active()))
                .update();
        replaceDetails(id, form);
    }

    /** Locks the nurse's row like a booking does, so the roster never changes under a dispatch decision. */
    boolean update(UUID id, NurseForm form) {
        if (jdbc.sql("SELECT id FROM nurse WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional().isEmpty()) {
            return false;
        }
        jdbc.sql("""
                        UPDATE nurse SET username = ?, display_name = ?, time_zone = ?, home_postal_code = ?,
                                         active = COALESCE(?, active)
                        WHERE id = ?""")
                .params(form.username(), Objects.requireNonNull(form.displayName()).strip(), form.timeZone(),
                        form.homePostalCode(), form.active(), id)
                .update();
        replaceDetails(id, form);
        return true;
    }

    void replaceAvailability(UUID id, List<ShiftForm> shifts, List<TimeOffForm> timeOff) {
        jdbc.sql("SELECT id FROM nurse WHERE id = ? FOR UPDATE").param(id).query(UUID.class).single();
        replaceShifts(id, shifts);
        replaceTimeOff(id, timeOff);
    }

    private void replaceDetails(UUID id, NurseForm form) {
        replaceStrings("nurse_license", "state", id, Objects.requireNonNull(form.licenseStates()));
        replaceStrings("nurse_skill", "skill", id, Objects.requireNonNull(form.skills()));
        replaceStrings("nurse_service_prefix", "zip_prefix", id, Objects.requireNonNull(form.serviceAreaPrefixes()));
        replaceShifts(id, Objects.requireNonNull(form.shifts()));
        replaceTimeOff(id, Objects.requireNonNull(form.timeOff()));
    }

    private void replaceStrings(String table, String column, UUID id, List<String> values) {
        jdbc.sql("DELETE FROM " + table + " WHERE nurse_id = ?").param(id).update();
        for (String value : values.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO " + table + " (nurse_id, " + column + ") VALUES (?, ?)").params(id, value).update();
        }
    }

    private void replaceShifts(UUID id, List<ShiftForm> shifts) {
        jdbc.sql("DELETE FROM nurse_shift WHERE nurse_id = ?").param(id).update();
        Map<String, ShiftForm> distinct = new HashMap<>();
        shifts.forEach(shift -> distinct.put(shift.dayOfWeek() + "@" + shift.start(), shift));
        for (ShiftForm shift : distinct.values()) {
            jdbc.sql("INSERT INTO nurse_shift (nurse_id, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)")
                    .params(id, Objects.requireNonNull(shift.dayOfWeek()).getValue(), shift.start(), shift.end())
                    .update();
        }
    }

    private void replaceTimeOff(UUID id, List<TimeOffForm> timeOff) {
        jdbc.sql("DELETE FROM nurse_time_off WHERE nurse_id = ?").param(id).update();
        for (TimeOffForm off : timeOff) {
            jdbc.sql("INSERT INTO nurse_time_off (nurse_id, start_at, end_at) VALUES (?, ?, ?)")
                    .params(id, NurseRoster.utc(Objects.requireNonNull(off.start())),
                            NurseRoster.utc(Objects.requireNonNull(off.end())))
                    .update();
        }
    }

    List<WeeklyShift> shifts(UUID id) {
        return jdbc.sql("SELECT day_of_week, start_time, end_time FROM nurse_shift WHERE nurse_id = ? "
                        + "ORDER BY day_of_week, start_time")
                .param(id)
                .query((rs, row) -> new WeeklyShift(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class)))
                .list();
    }

    List<TimeOff> timeOff(UUID id) {
        return jdbc.sql("SELECT start_at, end_at FROM nurse_time_off WHERE nurse_id = ? ORDER BY start_at").param(id)
                .query((rs, row) -> new TimeOff(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }

    private List<String> strings(String sql, UUID id) {
        return new ArrayList<>(jdbc.sql(sql).param(id).query(String.class).list());
    }
}
