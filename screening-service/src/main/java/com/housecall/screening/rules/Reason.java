package com.housecall.screening.rules;

/**
 * Why a rule matched. {@code message} is fixed per code and never quotes an answer, so it may travel on shared
 * topics; {@code detail} (the drug and its class, say) is for clinicians only and may be null.
 */
public record Reason(String code, Outcome outcome, String message, String detail) {

    static Reason of(String code, Outcome outcome, String message) {
        return new Reason(code, outcome, message, null);
    }
}
