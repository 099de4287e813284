package io.retentioncenter.learning.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.retentioncenter.core.internal.Require;

/**
 * The report as JSON, for hosts that draw their own UI: every record as an object of its
 * components, instants as ISO-8601 text, durations as ISO-8601 durations ({@code "PT168H"}), empty
 * optionals as {@code null}.
 */
public final class LearningReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private LearningReportJson() {
    }

    /** The report as one JSON document. */
    public static String write(LearningReport report) {
        Require.present(report, "report");
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a learning report could not be written as JSON", e);
        }
    }
}
