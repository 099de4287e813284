package io.retentioncenter.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import org.junit.jupiter.api.Test;

class InputTextTest {

    @Test
    void aNulIsRefusedNamingTheField() {
        assertThatThrownBy(() -> InputText.singleLine("Ana\u0000", "firstName", 10))
                .isInstanceOf(ValidationException.class).hasMessageContaining("firstName").hasMessageContaining("NUL");
        assertThatThrownBy(() -> InputText.multiLine("a\u0000b", "notes", 10)).isInstanceOf(ValidationException.class);
    }

    @Test
    void singleLineTextLosesItsControlCharactersAndIsTrimmed() {
        assertThat(InputText.singleLine("  Ana\r\nBcc: x@example.com\t ", "firstName", 100))
                .isEqualTo("Ana  Bcc: x@example.com");
        assertThat(InputText.singleLine("plain", "f", 5)).isEqualTo("plain");
        assertThatThrownBy(() -> InputText.singleLine("toolong", "f", 5)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("longer than 5");
        assertThat(InputText.singleLineCut("toolong", "f", 4)).isEqualTo("tool");
    }

    @Test
    void multiLineTextKeepsLineFeedsAndTabs() {
        assertThat(InputText.multiLine("a\r\nb\rc\td\u0007e", "notes", 100)).isEqualTo("a\nb\nc\tde");
    }

    @Test
    void anEchoIsShortAndOnOneLine() {
        String longInput = "x".repeat(500_000);
        assertThat(InputText.echo(longInput)).hasSize(InputText.ECHO_LENGTH + 1).endsWith("…");
        assertThat(InputText.echo("a\nb\u0000c")).isEqualTo("a b c");
        assertThat(InputText.echo(null)).isEqualTo("null");
    }

    @Test
    void anErrorDescriptionIsBoundedAndOnOneLine() {
        String described = ErrorText.describe(new IllegalStateException("line1\nline2 " + "y".repeat(1000)));
        assertThat(described).startsWith("IllegalStateException: line1 line2").doesNotContain("\n")
                .hasSize(ErrorText.MAX_LENGTH + 1);
        assertThat(ErrorText.describe(null)).isEqualTo("unknown error");
    }
}
