package com.housecall.booking.referral;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * A clinic's referral as {@code POST /api/fhir/ServiceRequest} (CONTRACT.md section 14; the rules of section 5, which
 * delegates here): 201 with the Task and its Location, 200 with the first Task for a re-sent identifier. The body is
 * taken raw and read by {@link FhirReader}, so both paths name the same problems the same way.
 */
@Component
public class ServiceRequestProvider implements IResourceProvider {

    /** The referral's Task, and whether this call created it. */
    record Created(Task task, boolean isNew) {
    }

    private final Referrals referrals;
    private final FhirReader reader;
    private final TaskProvider tasks;

    ServiceRequestProvider(Referrals referrals, FhirReader reader, TaskProvider tasks) {
        this.referrals = referrals;
        this.reader = reader;
        this.tasks = tasks;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam String body, RequestDetails request) {
        Created created = submit(FhirCaller.clinic(), request.getHeader("Content-Type"), body);
        MethodOutcome outcome = new MethodOutcome(new IdType("Task", created.task().getIdPart()), created.isNew());
        outcome.setResource(created.task());
        return outcome;
    }

    /** What the clinic sent (the referral itself, not its Task); no patient details are echoed. */
    @Read
    public ServiceRequest read(@IdParam IdType id) {
        return tasks.serviceRequest(TaskProvider.referralId(id.getIdPart()), FhirCaller.clinic())
                .orElseThrow(() -> new FhirProblem(404, IssueType.NOTFOUND, "No such ServiceRequest."));
    }

    /** 415 unless FHIR JSON; 400 unparseable, 422 invalid (every problem named); else the referral's Task. */
    Created submit(String clinic, String contentType, String body) {
        FhirReader.charset(contentType);
        Referrals.Submission submission = referrals.submit(clinic, reader.serviceRequest(body == null ? "" : body));
        return new Created(tasks.task(submission.id(), clinic).orElseThrow(), submission.created());
    }
}
