package com.housecall.booking.referral;

import com.housecall.booking.consultation.ConsultationChecks;
import com.housecall.booking.consultation.ConsultationService;
import com.housecall.booking.consultation.NewConsultation;
import com.housecall.booking.referral.ReferralRepository.StoredReferral;
import com.housecall.booking.referral.ServiceRequestMapper.Mapped;
import com.housecall.security.problem.FieldProblem;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A clinic's referral becomes a consultation through the one creation path of {@link ConsultationService#create},
 * once per (clinic, identifier system, value). The referral row is inserted in the transaction that creates the
 * consultation: a concurrent re-send waits on the primary key until the first commits, then fails, rolls back its
 * own consultation and its events, and answers the first one's id.
 */
@Service
class Referrals {

    private static final int ATTEMPTS = 5;

    /** The answer: the referral (= consultation) id, and whether this call created it. */
    record Submission(UUID id, boolean created) {
    }

    private final ConsultationService consultations;
    private final ReferralRepository referrals;
    private final Validator validator;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Referrals(ConsultationService consultations, ReferralRepository referrals, Validator validator,
              PlatformTransactionManager transactions, Clock clock) {
        this.consultations = consultations;
        this.referrals = referrals;
        this.validator = validator;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The clinic's referral: a re-sent identifier answers the first referral whatever the new version says (so a
     * retry never fails on a window that has since begun); a new one is checked like a patient's request (422 with
     * every problem) and created.
     */
    Submission submit(String clinic, ServiceRequest referral) {
        Mapped mapped = ServiceRequestMapper.map(referral);
        if (mapped.identifier() != null) {
            Optional<StoredReferral> first = referrals.find(clinic, mapped.identifier());
            if (first.isPresent()) {
                return new Submission(first.get().id(), false);
            }
        }
        List<FhirProblem.Issue> problems = problems(mapped, validator, clock);
        if (!problems.isEmpty()) {
            throw new FhirProblem(422, problems);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(tx -> {
                    UUID id = UUID.randomUUID();
                    consultations.create(NewConsultation.byReferral(id, clinic, mapped.request()));
                    // blocks behind a concurrent first use of the identifier until that one commits or rolls back
                    referrals.insert(clinic, mapped.identifier(), id,
                            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                    return new Submission(id, true);
                });
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                Optional<StoredReferral> first = referrals.find(clinic, mapped.identifier());
                if (first.isPresent()) {
                    return new Submission(first.get().id(), false);
                }
                if (attempt >= ATTEMPTS) {
                    throw new FhirProblem(409, IssueType.TRANSIENT,
                            "A referral with this identifier is still being processed; retry.");
                }
            }
        }
    }

    /**
     * The FHIR shape's problems, then the consultation's own (bean validation and cross-field rules), each named by
     * its FHIRPath; a consultation problem inside an element the shape already reported is not repeated.
     */
    static List<FhirProblem.Issue> problems(Mapped mapped, Validator validator, Clock clock) {
        List<FhirProblem.Issue> problems = new ArrayList<>(mapped.problems());
        for (FieldProblem problem : ConsultationChecks.allProblems(mapped.request(), validator, clock)) {
            String expression = mapped.expression(problem.field());
            boolean reported = problems.stream().anyMatch(p -> p.expression() != null
                    && (expression.equals(p.expression()) || expression.startsWith(p.expression() + ".")));
            if (!reported) {
                IssueType type = problem.message().contains("must not be") ? IssueType.REQUIRED : IssueType.INVALID;
                problems.add(new FhirProblem.Issue(type, expression, problem.field() + " " + problem.message()));
            }
        }
        return problems;
    }

    Optional<StoredReferral> find(UUID id) {
        return referrals.find(id);
    }

    List<StoredReferral> search(String clinic, String system, String value, int limit) {
        return referrals.search(clinic, system, value, limit);
    }
}
