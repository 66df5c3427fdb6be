package com.housecall.booking.consultation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/** An instant only as an RFC 3339 string with an offset: Jackson's own also reads numbers as epoch seconds. */
final class Rfc3339Deserializer extends StdDeserializer<OffsetDateTime> {

    Rfc3339Deserializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getString();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw context.weirdStringException(text, OffsetDateTime.class, "not an RFC 3339 date-time");
        }
    }
}
