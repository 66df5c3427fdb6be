package com.housecall.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PlainStringsTest {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(PlainStrings.module()).build();

    record Note(String text, List<String> lines) {
    }

    @Test
    void tabsAndLineBreaksAndAnyLanguageAreKept() {
        Note note = JSON.readValue("""
                {"text": "Seen at 10:00.\\r\\nBP ok\\tHR ok — señal ✓", "lines": ["a\\nb"]}""", Note.class);

        assertThat(note.text()).isEqualTo("Seen at 10:00.\r\nBP ok\tHR ok — señal ✓");
        assertThat(note.lines()).containsExactly("a\nb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u001b[31m", "\\u0007", "\\u0000", "\\u007f", "\\u0085", "\\u009b"})
    void otherControlCharactersAreRefusedInFieldsAndLists(String escaped) {
        assertThatThrownBy(() -> JSON.readValue("{\"text\": \"a" + escaped + "b\"}", Note.class))
                .isInstanceOf(PlainStrings.ControlCharacter.class);
        assertThatThrownBy(() -> JSON.readValue("{\"lines\": [\"a" + escaped + "b\"]}", Note.class))
                .isInstanceOf(PlainStrings.ControlCharacter.class);
    }
}
