package io.retentioncenter.core.inbound;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A provider webhook normalized by a channel module. It is matched to an attempt by
 * {@link #attemptId()} first, then by {@link #providerRef()}, then (for opt-outs and email events)
 * by {@link #recipient()}.
 *
 * @param eventKey identity of the event for replay detection (e.g. provider + message id + status)
 * @param channel the channel
 * @param provider the provider's short name, as {@code ChannelProvider#name()}
 * @param type what happened
 * @param attemptId our attempt id, when the provider echoed it
 * @param providerRef the provider's message or call id
 * @param recipient the email or E.164 phone the event is about
 * @param occurredAt when it happened according to the provider
 * @param detail provider status or reason, for the attempt's error / audit
 * @param transcript call transcript, or the text of an inbound reply, if any
 * @param keywords keywords extracted from a call or reply
 * @param callbackAt the time the lead asked to be called back, if said
 */
public record ProviderEvent(
        String eventKey,
        Channel channel,
        String provider,
        ProviderEventType type,
        Optional<String> attemptId,
        Optional<String> providerRef,
        Optional<String> recipient,
        Instant occurredAt,
        Optional<String> detail,
        Optional<String> transcript,
        List<String> keywords,
        Optional<Instant> callbackAt) {

    /** Longest id, reference, recipient or keyword kept; a longer id is refused. */
    public static final int MAX_KEY_LENGTH = 256;
    /** Longest detail kept; the rest is cut. */
    public static final int MAX_DETAIL_LENGTH = 1_000;
    /** Longest call transcript kept; the rest is cut. */
    public static final int MAX_TRANSCRIPT_LENGTH = 100_000;
    /** Most keywords kept. */
    public static final int MAX_KEYWORDS = 50;

    /**
     * Validates and copies. Ids, reference and recipient follow {@link InputText#singleLine} (a NUL
     * is refused naming the field; one left blank by the cleaning counts as absent); detail, transcript and keywords are provider text, kept readable:
     * control characters but line feeds and tabs removed, cut to their limits.
     */
    public ProviderEvent {
        Require.text(eventKey, "eventKey");
        Require.present(channel, "channel");
        Require.text(provider, "provider");
        Require.present(type, "type");
        Require.present(attemptId, "attemptId");
        Require.present(providerRef, "providerRef");
        Require.present(recipient, "recipient");
        Require.present(occurredAt, "occurredAt");
        Require.present(detail, "detail");
        Require.present(transcript, "transcript");
        keywords = List.copyOf(noNulls(keywords));
        Require.present(callbackAt, "callbackAt");
        eventKey = Require.text(InputText.singleLine(eventKey, "eventKey", MAX_KEY_LENGTH), "eventKey");
        attemptId = attemptId.map(v -> InputText.singleLine(v, "attemptId", MAX_KEY_LENGTH)).filter(v -> !v.isBlank());
        providerRef = providerRef.map(v -> InputText.singleLine(v, "providerRef", MAX_KEY_LENGTH)).filter(v -> !v.isBlank());
        recipient = recipient.map(v -> InputText.singleLine(v, "recipient", MAX_KEY_LENGTH)).filter(v -> !v.isBlank());
        detail = detail.map(v -> InputText.readable(v, MAX_DETAIL_LENGTH));
        transcript = transcript.map(v -> InputText.readable(v, MAX_TRANSCRIPT_LENGTH));
        keywords = keywords.stream().map(k -> InputText.readable(k, MAX_KEY_LENGTH)).filter(k -> !k.isEmpty())
                .limit(MAX_KEYWORDS).toList();
        if (attemptId.isEmpty() && providerRef.isEmpty() && recipient.isEmpty()) {
            throw new io.retentioncenter.core.InvalidPayloadException("event",
                    "needs an attempt id, a provider reference or a recipient to be matched");
        }
    }

    private static List<String> noNulls(List<String> keywords) {
        if (Require.present(keywords, "keywords").stream().anyMatch(java.util.Objects::isNull)) {
            throw new io.retentioncenter.core.ValidationException("keywords", "must not contain null");
        }
        return keywords;
    }

    /** Starts a builder for an event of {@code type}. */
    public static Builder builder(String eventKey, Channel channel, String provider, ProviderEventType type,
            Instant occurredAt) {
        return new Builder(eventKey, channel, provider, type, occurredAt);
    }

    /** Builder for the optional parts. */
    public static final class Builder {
        private final String eventKey;
        private final Channel channel;
        private final String provider;
        private final ProviderEventType type;
        private final Instant occurredAt;
        private Optional<String> attemptId = Optional.empty();
        private Optional<String> providerRef = Optional.empty();
        private Optional<String> recipient = Optional.empty();
        private Optional<String> detail = Optional.empty();
        private Optional<String> transcript = Optional.empty();
        private List<String> keywords = List.of();
        private Optional<Instant> callbackAt = Optional.empty();

        private Builder(String eventKey, Channel channel, String provider, ProviderEventType type, Instant occurredAt) {
            this.eventKey = eventKey;
            this.channel = channel;
            this.provider = provider;
            this.type = type;
            this.occurredAt = occurredAt;
        }

        /** Our attempt id, when echoed by the provider (blank is ignored). */
        public Builder attemptId(String value) {
            attemptId = Require.optionalText(value);
            return this;
        }

        /** The provider's message or call id (blank is ignored). */
        public Builder providerRef(String value) {
            providerRef = Require.optionalText(value);
            return this;
        }

        /** The email or phone the event concerns (blank is ignored). */
        public Builder recipient(String value) {
            recipient = Require.optionalText(value);
            return this;
        }

        /** Provider status or reason (blank is ignored). */
        public Builder detail(String value) {
            detail = Require.optionalText(value);
            return this;
        }

        /** Call transcript (blank is ignored). */
        public Builder transcript(String value) {
            transcript = Require.optionalText(value);
            return this;
        }

        /** Extracted keywords. */
        public Builder keywords(List<String> value) {
            keywords = List.copyOf(noNulls(value));
            return this;
        }

        /** Asked callback time. */
        public Builder callbackAt(Instant value) {
            callbackAt = Optional.ofNullable(value);
            return this;
        }

        /** Builds and validates the event. */
        public ProviderEvent build() {
            return new ProviderEvent(eventKey, channel, provider, type, attemptId, providerRef, recipient, occurredAt,
                    detail, transcript, keywords, callbackAt);
        }
    }
}
