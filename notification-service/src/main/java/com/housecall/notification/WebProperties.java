package com.housecall.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code housecall.web.base-url}: the public base of every link a message carries (DECISIONS 5); the patient app
 * is {@code {base}/app/}.
 */
@ConfigurationProperties("housecall.web")
public record WebProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

    /** The case page in the clinicians' workspace: every on-call page links there (DECISIONS 5). */
    public String caseUrl(java.util.UUID consultationId) {
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "clinician/cases/" + consultationId;
    }

    public String appUrl() {
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "app/";
    }
}
