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

    /** The headers of one event, in CONTRACT.md order; the subject is the consultation id. */
    public static java.util.Map<String, String> of(String id, String source, String type, String time, String subject) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(ID, id);
        headers.put(SOURCE, source);
        headers.put(TYPE, type);
        headers.put(TIME, time);
        headers.put(SUBJECT, subject);
        headers.put(CONTENT_TYPE, APPLICATION_JSON);
        return headers;
    }

    /** {@code /housecall/<module directory>}. */
    public static String source(String module) {
        return "/housecall/" + module;
    }
}
