package io.retentioncenter.channels.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackTimeParserTest {
    /** A Monday afternoon, the end-of-call-report fixture's timestamp. */
    private static final Instant MONDAY_1502 = Instant.parse("2025-11-24T15:02:20Z");

    private final CallbackTimeParser utc = new CallbackTimeParser(ZoneOffset.UTC);

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        // days
        "can you call me back tomorrow?              | 2025-11-25T10:00:00Z",
        "tomorrow morning                            | 2025-11-25T09:00:00Z",
        "tomorrow afternoon works                    | 2025-11-25T14:00:00Z",
        "can you call me back tomorrow evening?      | 2025-11-25T18:00:00Z",
        "the day after tomorrow                      | 2025-11-26T10:00:00Z",
        "tonight                                     | 2025-11-24T19:00:00Z",
        "this evening                                | 2025-11-24T18:00:00Z",
        "this morning                                | 2025-11-25T09:00:00Z",
        "in the evening                              | 2025-11-24T18:00:00Z",
        // relative
        "in 20 minutes                               | 2025-11-24T15:22:20Z",
        "in 10 mins please                           | 2025-11-24T15:12:20Z",
        "in 2 hours                                  | 2025-11-24T17:02:20Z",
        "in an hour                                  | 2025-11-24T16:02:20Z",
        "in half an hour                             | 2025-11-24T15:32:20Z",
        "in a couple of hours                        | 2025-11-24T17:02:20Z",
        "in three hours                              | 2025-11-24T18:02:20Z",
        "in 2 days                                   | 2025-11-26T15:02:20Z",
        "in 2 hours, not tomorrow                    | 2025-11-24T17:02:20Z",
        // clock times, next occurrence
        "at 6 pm                                     | 2025-11-24T18:00:00Z",
        "at 6pm                                      | 2025-11-24T18:00:00Z",
        "around 6 p.m.                               | 2025-11-24T18:00:00Z",
        "6:30 pm                                     | 2025-11-24T18:30:00Z",
        "at 10 am                                    | 2025-11-25T10:00:00Z",
        "at 10 a.m. tomorrow                         | 2025-11-25T10:00:00Z",
        "12 pm                                       | 2025-11-25T12:00:00Z",
        "12 am                                       | 2025-11-25T00:00:00Z",
        "at 18:30                                    | 2025-11-24T18:30:00Z",
        "at 14:00                                    | 2025-11-25T14:00:00Z",
        "at 9:15                                     | 2025-11-25T09:15:00Z",
        "at 6:30                                     | 2025-11-24T18:30:00Z",
        "tomorrow at noon                            | 2025-11-25T12:00:00Z",
        // bare hours
        "at 6                                        | 2025-11-24T18:00:00Z",
        "around 7                                    | 2025-11-24T19:00:00Z",
        "at 9                                        | 2025-11-25T09:00:00Z",
        "at six                                      | 2025-11-24T18:00:00Z",
        "after five o'clock                          | 2025-11-24T17:00:00Z",
        "tomorrow at 7                               | 2025-11-25T19:00:00Z",
        "tomorrow morning at 7                       | 2025-11-25T07:00:00Z",
        "tomorrow afternoon at 3                     | 2025-11-25T15:00:00Z",
        "tonight at 8                                | 2025-11-24T20:00:00Z",
        // weekdays: the next such day, never today
        "on monday                                   | 2025-12-01T10:00:00Z",
        "on friday                                   | 2025-11-28T10:00:00Z",
        "wednesday at 3 pm                           | 2025-11-26T15:00:00Z",
        "friday evening                              | 2025-11-28T18:00:00Z",
        "next tuesday at 11:30 am                    | 2025-11-25T11:30:00Z"})
    void readsSpokenTimesRelativeToTheMessage(String said, String expected) {
        assertThat(utc.parse(said, MONDAY_1502)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "later", "some other time please", "good morning", "i have 5 minutes", "call me back",
        "last night was bad", "at 25", "later today", "i'm at home", "busy right now"})
    void noTimeSaidIsEmpty(String said) {
        assertThat(utc.parse(said, MONDAY_1502)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" in Madrid -> {1}")
    @CsvSource(delimiter = '|', value = {
        "tomorrow at 6 pm   | 2025-11-25T17:00:00Z",
        "at 5 pm            | 2025-11-24T16:00:00Z",
        "at 4 pm            | 2025-11-25T15:00:00Z",
        "tonight            | 2025-11-24T18:00:00Z"})
    void readsLocalTimesInTheConfiguredZone(String said, String expected) {
        CallbackTimeParser madrid = new CallbackTimeParser(ZoneId.of("Europe/Madrid"));

        assertThat(madrid.parse(said, MONDAY_1502)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tomorrow at 10 am | 2026-03-07T15:00:00Z | 2026-03-08T14:00:00Z",
        "tonight           | 2026-03-06T15:00:00Z | 2026-03-07T00:00:00Z"})
    void followsTheZonesDaylightSavingRules(String said, String reference, String expected) {
        CallbackTimeParser newYork = new CallbackTimeParser(ZoneId.of("America/New_York"));

        assertThat(newYork.parse(said, Instant.parse(reference))).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tonight      | 2025-11-25T19:00:00Z",
        "at 6 pm      | 2025-11-25T18:00:00Z",
        "this evening | 2025-11-25T18:00:00Z"})
    void timesAlreadyPastTodayMoveToTomorrow(String said, String expected) {
        Instant evening = Instant.parse("2025-11-24T20:00:00Z");

        assertThat(utc.parse(said, evening)).contains(Instant.parse(expected));
    }
}
