package com.housecall.booking.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One FHIR R4 context for the service: building it scans the model and takes seconds; it is thread-safe. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    /**
     * Parsers made without a handler of their own (HAPI's server reads a create's body with one) report nothing:
     * HAPI's default handler would log the offending values, which may be PHI. {@link FhirReader} names problems.
     */
    @Bean
    FhirContext fhirContext() {
        FhirContext fhir = FhirContext.forR4();
        fhir.setParserErrorHandler(new ErrorHandlerAdapter());
        return fhir;
    }
}
