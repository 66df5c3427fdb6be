package com.housecall.booking.consultation;

import com.housecall.security.problem.FieldProblem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The list's filters (DECISIONS 37): {@code status} one of the consultation statuses, {@code idPrefix} the start of a
 * consultation id (1 to 36 of its characters: hex digits and dashes, any case). Absent means any.
 */
record ConsultationSearch(@Nullable ConsultationStatus status, @Nullable String idPrefix) {

    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f-]{1,36}");

    /** Parses both; each bad one is added to {@code problems} and read as absent. */
    static ConsultationSearch parse(@Nullable String status, @Nullable String idPrefix, List<FieldProblem> problems) {
        ConsultationStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = ConsultationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "must be one of " + List.of(ConsultationStatus.values())));
            }
        }
        String prefix = null;
        if (idPrefix != null && !idPrefix.isBlank()) {
            String lower = idPrefix.strip().toLowerCase(Locale.ROOT);
            if (ID_PREFIX.matcher(lower).matches()) {
                prefix = lower;
            } else {
                problems.add(new FieldProblem("idPrefix", "must be 1 to 36 characters of a consultation id "
                        + "(hex digits and dashes)"));
            }
        }
        return new ConsultationSearch(parsedStatus, prefix);
    }
}
