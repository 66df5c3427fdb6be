package com.housecall.booking.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import com.housecall.security.SecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMART Backend Services (CONTRACT.md section 14, DECISIONS 42): {@code /api/fhir/.well-known/smart-configuration}
 * (no token) and the security part of the CapabilityStatement both name the realm's token endpoint. Clinics sign a
 * client assertion ({@code private_key_jwt}, RS384 or ES384) or keep their client secret. Public for HAPI.
 */
@Component
public class SmartConfiguration {

    static final String PATH = "/.well-known/smart-configuration";
    static final List<String> SCOPES = List.of("system/ServiceRequest.write", "system/Task.read");
    private static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    private final String tokenEndpoint;
    private final byte[] document;

    SmartConfiguration(SecurityProperties security) {
        String issuer = security.issuer();
        this.tokenEndpoint = issuer + "/protocol/openid-connect/token";
        Map<String, Object> smart = new LinkedHashMap<>();
        smart.put("issuer", issuer);
        smart.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        smart.put("token_endpoint", tokenEndpoint);
        smart.put("grant_types_supported", List.of("client_credentials"));
        smart.put("token_endpoint_auth_methods_supported",
                List.of("private_key_jwt", "client_secret_basic", "client_secret_post"));
        smart.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
        smart.put("scopes_supported", SCOPES);
        smart.put("capabilities", List.of("client-confidential-asymmetric", "client-confidential-symmetric",
                "permission-v1"));
        this.document = JsonMapper.builder().build().writeValueAsString(smart).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers the SMART configuration itself (HAPI would take {@code .well-known} for a resource type). */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(FhirServer.BASE + PATH).equals(request.getRequestURI())) {
            return true;
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
        return false;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describe(IBaseConformance generated) {
        if (!(generated instanceof CapabilityStatement statement)) {
            return;
        }
        CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep().getSecurity();
        security.addService().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service").setCode("SMART-on-FHIR");
        security.setDescription("OAuth2 client credentials from the housecall realm: SMART Backend Services "
                + "(private_key_jwt) or the clinic's client secret; see " + FhirServer.BASE + PATH + ".");
        Extension uris = security.addExtension().setUrl(OAUTH_URIS);
        uris.addExtension("token", new UriType(tokenEndpoint));
    }
}
