package io.retentioncenter.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({"+14155550123,+14155550123", "14155550123,+14155550123", "0014155550123,+14155550123",
            "'+1 (415) 555-0123',+14155550123", "' 447911123456 ',+447911123456", "+44.7911.123456,+447911123456"})
    void normalizesInternationalNumbers(String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw)).contains(e164);
        assertThat(PhoneNumbers.normalizedOrRaw(raw)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ExampleCo", "+0123456789", "12345", "+1234567890123456", "+1415555O123"})
    void rejectsWhatIsNotAnInternationalNumber(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
        assertThat(PhoneNumbers.isE164(raw)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"ExampleCo,ExampleCo", "' 12345 ',12345"})
    void keepsTheTrimmedOriginalWhenNotNormalizable(String raw, String kept) {
        assertThat(PhoneNumbers.normalizedOrRaw(raw)).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155550123", "+447911123456", "+4915123456789"})
    void recognizesE164(String value) {
        assertThat(PhoneNumbers.isE164(value)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rejected for +14155550123|rejected for **********23",
        "invalid phone 14155550123, retry 447911123456|invalid phone *********23, retry **********56",
        "code 123456 at 2026-11-24|code 123456 at 2026-11-24",
        "''|''"})
    void masksPhoneLikeDigitRunsInText(String text, String masked) {
        assertThat(PhoneNumbers.maskPhonesIn(text)).isEqualTo(masked);
    }

    @Test
    void masksNothingInNull() {
        assertThat(PhoneNumbers.maskPhonesIn(null)).isEmpty();
    }
}
