package com.housecall.booking.referral;

/**
 * A US phone number as partners write it ({@code (415) 555-0100}, {@code 415.555.0100}, {@code 1-415-555-0100},
 * {@code +1 415 555 0100}, {@code tel:+14155550100}) in E.164 ({@code +14155550100}). Plain Java.
 */
final class UsPhone {

    private UsPhone() {
    }

    /**
     * The number in E.164 when it is a US (NANP) number in any usual form, or an international number already
     * starting with {@code +}; otherwise the text unchanged, for validation to refuse.
     */
    static String toE164(String text) {
        String trimmed = text.strip();
        String number = trimmed.regionMatches(true, 0, "tel:", 0, 4) ? trimmed.substring(4).strip() : trimmed;
        if (!number.chars().allMatch(c -> Character.isDigit(c) || " -.()+".indexOf(c) >= 0)
                || number.indexOf('+') > 0 || number.lastIndexOf('+') != number.indexOf('+')) {
            return text;
        }
        boolean plus = number.startsWith("+");
        String digits = number.replaceAll("[^0-9]", "");
        if (plus) {
            return digits.startsWith("1") && digits.length() != 11 ? text : "+" + digits;
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        // NANP: area code and exchange start with 2 to 9
        if (digits.length() == 10 && digits.charAt(0) >= '2' && digits.charAt(3) >= '2') {
            return "+1" + digits;
        }
        return text;
    }
}
