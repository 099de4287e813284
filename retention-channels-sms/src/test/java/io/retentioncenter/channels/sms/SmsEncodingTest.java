package io.retentioncenter.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsEncodingTest {

    @Test
    void plainTextIsGsm7InOneSegment() {
        SmsEncoding e = SmsEncoding.of(TestMessages.FIXTURE_TEXT);
        assertThat(e.charset()).isEqualTo(SmsCharset.GSM_7);
        assertThat(e.characters()).isEqualTo(TestMessages.FIXTURE_TEXT.length());
        assertThat(e.units()).isEqualTo(e.characters());
        assertThat(e.segments()).isEqualTo(1);
        assertThat(e.details()).containsEntry("encoding", "GSM-7").containsEntry("segments", "1")
                .containsEntry("characters", "79").containsEntry("units", "79");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "160,1", "161,2", "306,2", "307,3", "459,3", "460,4"})
    void gsm7SegmentBoundaries(int length, int segments) {
        SmsEncoding e = SmsEncoding.of("a".repeat(length));
        assertThat(e.charset()).isEqualTo(SmsCharset.GSM_7);
        assertThat(e.segments()).isEqualTo(segments);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "70,1", "71,2", "134,2", "135,3"})
    void ucs2SegmentBoundaries(int length, int segments) {
        SmsEncoding e = SmsEncoding.of("ж".repeat(length));
        assertThat(e.charset()).isEqualTo(SmsCharset.UCS_2);
        assertThat(e.units()).isEqualTo(length);
        assertThat(e.segments()).isEqualTo(segments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"€", "[", "]", "{", "}", "^", "~", "\\", "|", "\f"})
    void extensionCharactersTakeTwoSeptets(String ext) {
        SmsEncoding e = SmsEncoding.of("a" + ext);
        assertThat(e.charset()).isEqualTo(SmsCharset.GSM_7);
        assertThat(e.characters()).isEqualTo(2);
        assertThat(e.units()).isEqualTo(3);
    }

    @Test
    void extensionCharacterPushesExactly160IntoTwoSegments() {
        assertThat(SmsEncoding.of("a".repeat(158) + "€").segments()).isEqualTo(1);
        SmsEncoding over = SmsEncoding.of("a".repeat(159) + "€");
        assertThat(over.units()).isEqualTo(161);
        assertThat(over.segments()).isEqualTo(2);
    }

    @Test
    void escapeSequenceIsNeverSplitAcrossParts() {
        // 152 + € (2) + 152 = 306 septets: naive ceil(306/153) says 2, but € cannot straddle parts.
        SmsEncoding e = SmsEncoding.of("a".repeat(152) + "€" + "a".repeat(152));
        assertThat(e.units()).isEqualTo(306);
        assertThat(e.segments()).isEqualTo(3);
        assertThat(SmsEncoding.of("a".repeat(151) + "€" + "a".repeat(153)).segments()).isEqualTo(2);
    }

    @Test
    void gsmBasicTableCoversAccentsAndGreek() {
        SmsEncoding e = SmsEncoding.of("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\n\r");
        assertThat(e.charset()).isEqualTo(SmsCharset.GSM_7);
        assertThat(e.units()).isEqualTo(e.characters());
    }

    @Test
    void oneNonGsmCharacterSwitchesTheWholeMessageToUcs2() {
        SmsEncoding e = SmsEncoding.of("a".repeat(100) + "ç");
        assertThat(e.charset()).isEqualTo(SmsCharset.UCS_2);
        assertThat(e.segments()).isEqualTo(2);
        assertThat(e.details()).containsEntry("encoding", "UCS-2");
    }

    @Test
    void emojiCountsTwoUtf16Units() {
        SmsEncoding e = SmsEncoding.of("Hi 😀");
        assertThat(e.charset()).isEqualTo(SmsCharset.UCS_2);
        assertThat(e.characters()).isEqualTo(4);
        assertThat(e.units()).isEqualTo(5);
        assertThat(SmsEncoding.of("a".repeat(68) + "😀").segments()).isEqualTo(1);
        assertThat(SmsEncoding.of("a".repeat(69) + "😀").segments()).isEqualTo(2);
    }

    @Test
    void surrogatePairIsNeverSplitAcrossParts() {
        // 66 + emoji (2) + 66 = 134 units: naive ceil(134/67) says 2, but the pair moves to part 2.
        SmsEncoding e = SmsEncoding.of("a".repeat(66) + "😀" + "a".repeat(66));
        assertThat(e.units()).isEqualTo(134);
        assertThat(e.segments()).isEqualTo(3);
    }

    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> SmsEncoding.of("")).isInstanceOf(ValidationException.class)
                .extracting(ex -> ((ValidationException) ex).field()).isEqualTo("text");
        assertThatThrownBy(() -> SmsEncoding.of(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void inconsistentCountsAreRejected() {
        assertThatThrownBy(() -> new SmsEncoding(SmsCharset.GSM_7, 2, 1, 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new SmsEncoding(null, 1, 1, 1)).isInstanceOf(ValidationException.class);
    }
}
