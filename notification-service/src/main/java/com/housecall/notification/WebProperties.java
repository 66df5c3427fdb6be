package com.housecall.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code housecall.web.base-url}: the public base of every link a message carries (DECISIONS 5); the patient app
 * is {@code {base}/app/}.
 */
@ConfigurationProperties("housecall.web")
public record WebProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

    public String appUrl() {
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "app/";
    }
}
