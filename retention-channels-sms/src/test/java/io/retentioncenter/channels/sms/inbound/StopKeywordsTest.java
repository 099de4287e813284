package io.retentioncenter.channels.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StopKeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
            "OPT OUT", "OPT-OUT", "REMOVE", "ARRET"})
    void everyKeywordMatches(String keyword) {
        assertThat(StopKeywords.match(keyword)).contains(keyword);
        assertThat(StopKeywords.match(keyword.toLowerCase())).contains(keyword);
    }

    @ParameterizedTest
    @CsvSource({"' stop ',STOP", "'Stop\n',STOP", "'stop   all',STOP ALL", "'\tOpt Out ',OPT OUT", "UnSubScribe,UNSUBSCRIBE"})
    void matchingIsTrimmedAndCaseInsensitive(String text, String keyword) {
        assertThat(StopKeywords.match(text)).contains(keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "please stop", "STOP texting me", "stopp", "HELP", "START", "YES", "no", "STOP!", "S T O P"})
    void anythingElseIsNotAKeyword(String text) {
        assertThat(StopKeywords.match(text)).isEmpty();
    }

    @Test
    void nullIsNotAKeyword() {
        assertThat(StopKeywords.match(null)).isEmpty();
        assertThat(StopKeywords.KEYWORDS).hasSize(13);
    }
}
