package com.housecall.booking.referral;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.housecall.booking.consultation.ConsultationProgress;
import com.housecall.booking.consultation.ConsultationProgress.Progress;
import com.housecall.booking.consultation.ConsultationService;
import com.housecall.booking.referral.ReferralRepository.StoredReferral;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * A referral's progress as a FHIR {@code Task} (CONTRACT.md sections 5 and 14), for {@code /api/fhir/Task} and, by
 * delegation, {@code /api/referrals} (DECISIONS 43). A Task of another clinic is as absent as a missing one (404).
 * Public only because HAPI calls the annotated methods reflectively.
 */
@Component
public class TaskProvider implements IResourceProvider {

    static final int MAX_SEARCH_RESULTS = 100;
    private static final String NO_SUCH_TASK = "No such Task.";

    private final Referrals referrals;
    private final ConsultationProgress progress;
    private final ConsultationService consultations;

    TaskProvider(Referrals referrals, ConsultationProgress progress, ConsultationService consultations) {
        this.referrals = referrals;
        this.progress = progress;
        this.consultations = consultations;
    }

    @Override
    public Class<Task> getResourceType() {
        return Task.class;
    }

    @Read
    public Task read(@IdParam IdType id) {
        return task(referralId(id.getIdPart()), FhirCaller.clinic())
                .orElseThrow(() -> new FhirProblem(404, IssueType.NOTFOUND, NO_SUCH_TASK));
    }

    /** By the referral's {@code identifier} ({@code system|value}) or {@code focus} (ServiceRequest/id); or both. */
    @Search
    public List<Task> search(@OptionalParam(name = Task.SP_IDENTIFIER) TokenParam identifier,
                             @OptionalParam(name = Task.SP_FOCUS) ReferenceParam focus) {
        String clinic = FhirCaller.clinic();
        if (identifier == null && focus == null || identifier != null && isBlank(identifier.getValue())) {
            throw new FhirProblem(400, List.of(new FhirProblem.Issue(IssueType.REQUIRED, "identifier",
                    "Search Tasks by identifier (<system>|<value>) or focus (ServiceRequest/<id>).")));
        }
        List<Task> found = identifier != null
                ? byIdentifier(clinic, isBlank(identifier.getSystem()) ? null : identifier.getSystem(),
                        identifier.getValue())
                : task(focusId(focus), clinic).stream().toList();
        return focus == null ? found
                : found.stream().filter(task -> task.getIdPart().equals(String.valueOf(focusId(focus)))).toList();
    }

    /** Cancels the referral's consultation (as {@code POST /api/consultations/{id}/cancel} does); a final Task: 409. */
    @Operation(name = "$cancel", idempotent = false)
    public Task cancel(@IdParam IdType id) {
        String clinic = FhirCaller.clinic();
        UUID referral = referralId(id.getIdPart());
        if (task(referral, clinic).isEmpty()) {
            throw new FhirProblem(404, IssueType.NOTFOUND, NO_SUCH_TASK);
        }
        try {
            consultations.cancelReferral(referral, clinic);
        } catch (ConflictException e) {
            throw new FhirProblem(409, IssueType.CONFLICT, "The Task is final: it cannot be cancelled.");
        } catch (NotFoundException e) {
            throw new FhirProblem(404, IssueType.NOTFOUND, NO_SUCH_TASK);
        }
        return task(referral, clinic).orElseThrow();
    }

    /** The referral's Task if {@code clinic} may see it (null: any clinic, for operators and notifications). */
    public Optional<Task> task(UUID id, String clinic) {
        return view(id, clinic, ReferralTasks::task);
    }

    Optional<ServiceRequest> serviceRequest(UUID id, String clinic) {
        return view(id, clinic, ReferralTasks::serviceRequest);
    }

    /** Referrals with an identifier value, of one system and one clinic (null = any), oldest first. */
    List<Task> byIdentifier(String clinic, String system, String value) {
        return referrals.search(clinic, system, value, MAX_SEARCH_RESULTS).stream()
                .flatMap(referral -> progress.of(referral.id()).map(p -> ReferralTasks.task(referral, p)).stream())
                .toList();
    }

    /** A referral id, or null when malformed (then nothing matches: 404, never 400, as for a missing one). */
    static UUID referralId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private <T> Optional<T> view(UUID id, String clinic, BiFunction<StoredReferral, Progress, T> as) {
        if (id == null) {
            return Optional.empty();
        }
        return referrals.find(id).filter(r -> clinic == null || r.clinic().equals(clinic))
                .flatMap(r -> progress.of(r.id()).map(p -> as.apply(r, p)));
    }

    private static UUID focusId(ReferenceParam focus) {
        String type = focus.getResourceType();
        return type == null || "ServiceRequest".equals(type) ? referralId(focus.getIdPart()) : null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
