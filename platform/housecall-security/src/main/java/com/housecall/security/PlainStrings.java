package com.housecall.security;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text a service reads from JSON is plain: a control character other than tab and line breaks (an escape
 * sequence, a bell, DEL, the C1 range) is refused, in every service, since such text reaches clinicians' screens,
 * emails, SMS and CSV exports (issue 21). Fields that must be one line (names, addresses) are stricter where they are
 * read.
 */
public final class PlainStrings extends StringDeserializer {

    /** Thrown for such a text; answered 400 naming the rule, never the text. */
    public static final class ControlCharacter extends MismatchedInputException {

        ControlCharacter(JsonParser parser) {
            super(parser, "control character in text", String.class);
        }
    }

    public static SimpleModule module() {
        return new SimpleModule("housecall-plain-strings").addDeserializer(String.class, new PlainStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && !plain(text)) {
            throw new ControlCharacter(parser);
        }
        return text;
    }

    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
