package com.housecall.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What operators may see is marked once on the records; PHI is never marked. */
class OperatorViewTest {

    private static final Set<String> PHI = Set.of("givenName", "familyName", "email", "phone", "line1", "city",
            "postalCode", "firstName", "age", "phq9", "gad7", "conditions", "medications", "bloodPressure",
            "preferredChannels", "consent", "pregnant", "breastfeeding", "note");

    @Test
    void aSharedTypeShowsWhatItIsAboutAndAPhiTopicTypeOnlyItsConsultation() {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            Set<String> paths = OperatorView.paths(entry.type());
            if (Topics.carriesPhi(entry.topic())) {
                assertThat(paths).as(entry.type()).containsExactly("consultationId");
            } else {
                assertThat(paths).as(entry.type()).contains("consultationId").hasSizeGreaterThan(1);
            }
        }
    }

    @Test
    void noFieldThatHoldsPhiIsMarkedVisibleAnywhere() {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            for (String path : OperatorView.paths(entry.type())) {
                String field = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
                assertThat(PHI).as(entry.type() + " shows " + path).doesNotContain(field);
            }
        }
    }

    @Test
    void aVisitEscalationShowsIdsReasonCodesAndTimesOnly() {
        assertThat(OperatorView.paths(EventTypes.VISIT_ESCALATED)).containsExactlyInAnyOrder("consultationId",
                "visitId", "escalationId", "reasons[]", "sequence", "raisedAt");
        assertThat(OperatorView.paths(EventTypes.VISIT_ESCALATION_ACKNOWLEDGED)).containsExactlyInAnyOrder(
                "consultationId", "visitId", "escalationId", "acknowledgedAt");
    }

    @Test
    void nestedRecordsAndListsShowOnlyTheirOwnMarkedFields() {
        assertThat(OperatorView.paths(EventTypes.SCREENING_COMPLETED)).containsExactlyInAnyOrder("consultationId",
                "outcome", "rulesetVersion", "reasons[].code", "reasons[].message", "completedAt");
        assertThat(OperatorView.paths(EventTypes.VISIT_REQUESTED)).contains("windows[].start", "windows[].end");
        assertThat(OperatorView.paths("com.housecall.unknown")).isEmpty();
    }
}
