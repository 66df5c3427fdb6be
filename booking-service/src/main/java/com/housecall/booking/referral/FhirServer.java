package com.housecall.booking.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR R4 base {@code /api/fhir} (CONTRACT.md section 14): HAPI's plain {@link RestfulServer} as a servlet of its
 * own, behind the service's Spring Security chain ({@link FhirSecurity}). Every link it writes (Bundle
 * {@code fullUrl}, paging, {@code Location}) starts at the public base URL, never this service's port (DECISIONS 5).
 */
@Configuration(proxyBeanMethods = false)
class FhirServer {

    static final String BASE = "/api/fhir";

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhir, List<IResourceProvider> providers,
                                                       FhirErrors errors, SmartConfiguration smart,
                                                       @Value("${housecall.web.base-url:http://localhost:8080}")
                                                       String publicBase) {
        RestfulServer server = new RestfulServer(fhir);
        server.registerProviders(List.copyOf(providers));
        String base = publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase;
        server.setServerAddressStrategy(new HardcodedServerAddressStrategy(base + BASE));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setDefaultPreferReturn(PreferReturnEnum.REPRESENTATION);
        server.registerInterceptor(errors);
        server.registerInterceptor(smart);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, BASE + "/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
