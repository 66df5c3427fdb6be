package com.housecall.booking.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a ServiceRequest with HAPI's JSON parser. Unknown elements are ignored (CONTRACT.md section 3); anything else
 * the parser cannot take (not JSON, not a ServiceRequest, a malformed date or code, a wrong JSON type) is a 400
 * naming the element, never its value. HAPI's default handler would log the offending values: this one logs nothing.
 */
@Component
class FhirReader {

    private static final List<MediaType> ACCEPTED = List.of(OperationOutcomes.FHIR_JSON,
            MediaType.parseMediaType("application/json+fhir"), MediaType.APPLICATION_JSON);

    private final FhirContext fhir;

    FhirReader(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** The body's charset (UTF-8 unless named) once the content type is FHIR JSON; else 415. */
    static Charset charset(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        MediaType given = type;
        if (given == null || ACCEPTED.stream().noneMatch(accepted -> accepted.equalsTypeAndSubtype(given))) {
            throw new FhirProblem(415, IssueType.NOTSUPPORTED, "The body must be application/fhir+json.");
        }
        try {
            return given.getCharset() == null ? StandardCharsets.UTF_8 : given.getCharset();
        } catch (IllegalArgumentException e) {
            throw new FhirProblem(415, IssueType.NOTSUPPORTED, "The body's charset is not supported.");
        }
    }

    ServiceRequest serviceRequest(String body) {
        if (body.isBlank()) {
            throw unparseable(List.of(new FhirProblem.Issue(IssueType.STRUCTURE, null,
                    "The body must be a FHIR R4 ServiceRequest in JSON.")));
        }
        Collecting errors = new Collecting();
        IParser parser = fhir.newJsonParser().setParserErrorHandler(errors);
        ServiceRequest referral;
        try {
            referral = parser.parseResource(ServiceRequest.class, body);
        } catch (RuntimeException e) {
            // the parser's messages may quote the body: say only what was expected
            List<FhirProblem.Issue> issues = new ArrayList<>(errors.issues);
            issues.add(new FhirProblem.Issue(IssueType.STRUCTURE, null,
                    "The body must be a FHIR R4 ServiceRequest in JSON."));
            throw unparseable(issues);
        }
        if (!errors.issues.isEmpty()) {
            throw unparseable(errors.issues);
        }
        return referral;
    }

    private static FhirProblem unparseable(List<FhirProblem.Issue> issues) {
        return new FhirProblem(400, issues);
    }

    /** Records where the parser found a bad value, by element name only. */
    private static final class Collecting extends ErrorHandlerAdapter {

        final List<FhirProblem.Issue> issues = new ArrayList<>();

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            add(location, null, "has an invalid value");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName,
                                      BaseJsonLikeValue.ValueType expectedValueType,
                                      BaseJsonLikeValue.ScalarType expectedScalarType,
                                      BaseJsonLikeValue.ValueType foundValueType,
                                      BaseJsonLikeValue.ScalarType foundScalarType) {
            add(location, elementName, "has the wrong JSON type");
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            add(location, elementName, "must not repeat");
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            add(location, null, "is a contained resource without an id");
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            add(location, null, "is an extension with both a value and nested extensions");
        }

        private void add(IParseLocation location, String elementName, String problem) {
            String parent = location == null ? null : location.getParentElementName();
            String path = parent == null ? elementName : elementName == null ? parent : parent + "." + elementName;
            issues.add(new FhirProblem.Issue(IssueType.STRUCTURE, path,
                    (path == null ? "An element" : path) + " " + problem));
        }
    }
}
