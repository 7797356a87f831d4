package io.etlfleet.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusedCharactersTest {

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b, 0x9f})
    void refusesEveryC0AndC1ControlAndDelInAName(int control) {
        String problem = RefusedCharacters.problem("a" + (char) control + "b", false);

        assertThat(problem).isEqualTo("must not contain control characters (found U+%04X)".formatted(control));
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "tab\tseparated", "carriage\rreturn"})
    void allowsTabAndLineBreaksOnlyInFreeText(String text) {
        assertThat(RefusedCharacters.problem(text, true)).isNull();
        assertThat(RefusedCharacters.problem(text, false)).startsWith("must not contain control characters");
    }

    @Test
    void refusesOtherControlsInFreeTextToo() {
        assertThat(RefusedCharacters.problem("reason\u0000", true)).contains("U+0000");
        assertThat(RefusedCharacters.problem("reason\u009b", true)).contains("U+009B");
    }

    @Test
    void refusesUnpairedSurrogatesButNotPairs() {
        assertThat(RefusedCharacters.problem("a\ud800b", false)).isEqualTo("must not contain unpaired UTF-16 surrogates (found U+D800)");
        assertThat(RefusedCharacters.problem("a\udc00", false)).contains("U+DC00");
        assertThat(RefusedCharacters.problem("\ud800", false)).contains("U+D800");
        assertThat(RefusedCharacters.problem("🙂 emoji", false)).isNull();
    }

    @Test
    void acceptsOrdinaryTextIncludingNonLatinAndSpaces() {
        assertThat(RefusedCharacters.problem("Ünïcödé name — 名前 ' or 1=1", false)).isNull();
        assertThat(RefusedCharacters.problem("\u00a0non-breaking\u00a0space", false)).isNull();
        assertThat(RefusedCharacters.problem("", false)).isNull();
    }

    @Test
    void namesTheCharacterNotTheText() {
        assertThat(RefusedCharacters.problem("ghp_secret\u0000token", false)).doesNotContain("ghp_secret").doesNotContain("token");
    }

    @Test
    void escapesRefusedCharactersSoANameCanBeShown() {
        assertThat(RefusedCharacters.escaped("na\u0000me\u009b\ud800🙂")).isEqualTo("na\\u0000me\\u009b\\ud800🙂");
        assertThat(RefusedCharacters.escaped("plain")).isEqualTo("plain");
    }
}
