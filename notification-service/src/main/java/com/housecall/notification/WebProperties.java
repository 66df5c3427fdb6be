package com.housecall.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code housecall.web.base-url}: the public base of every link a message carries (DECISIONS 5); the patient app
 * is {@code {base}/app/}, a case in the clinicians' workspace {@code {base}/clinician/cases/{id}}.
 */
@ConfigurationProperties("housecall.web")
public record WebProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

    public String appUrl() {
        return base() + "app/";
    }

    /** One consultation in the patient app (emails; an SMS has no room for it): the app opens it after sign-in. */
    public String consultationUrl(String consultationId) {
        return appUrl() + "#" + consultationId;
    }

    /** Where an on-call page sends the clinician: the case itself (DECISIONS 5). */
    public String caseUrl(String consultationId) {
        return base() + "clinician/cases/" + consultationId;
    }

    private String base() {
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }
}
