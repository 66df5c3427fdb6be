package com.housecall.events;

/**
 * Kafka header names of CloudEvents 1.0 binary mode (CONTRACT.md section 9). Values are
 * plain UTF-8 strings. Spring Cloud Function would otherwise write {@code ce-}; these names are
 * set explicitly.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    /** Dead-letter headers added to the original ones. */
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    public static final String EXCEPTION_MESSAGE = "x-exception-message";

    private CloudEventHeaders() {
    }

    /** {@code /housecall/<module directory>}. */
    public static String source(String module) {
        return "/housecall/" + module;
    }
}
