package com.housecall.notification.sms;

import java.text.Normalizer;

/** The GSM 03.38 default alphabet (basic set and extension table): an SMS in it fits 160 characters per part. */
public final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private Gsm7() {
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    /** Septets used: extension characters take two. */
    public static int length(String text) {
        return text.chars().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    /**
     * Makes a value (a name) safe to put in an SMS: typographic quotes and dashes become plain ones, accents the
     * alphabet lacks are dropped, anything else outside it is left out.
     */
    public static String sanitize(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            char plain = switch (c) {
                case '\u2018', '\u2019', '\u02bc' -> '\'';
                case '\u201c', '\u201d' -> '"';
                case '\u2013', '\u2014', '\u2010' -> '-';
                case '\u00a0', '\t' -> ' ';
                default -> c;
            };
            if (isGsm7(String.valueOf(plain))) {
                out.append(plain);
                continue;
            }
            String stripped = Normalizer.normalize(String.valueOf(plain), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            if (!stripped.isEmpty() && isGsm7(stripped)) {
                out.append(stripped);
            }
        }
        return out.toString().replace("\n", " ").replace("\r", " ").replace("\f", " ");
    }
}
