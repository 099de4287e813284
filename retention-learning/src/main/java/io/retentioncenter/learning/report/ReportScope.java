package io.retentioncenter.learning.report;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import java.util.Optional;

/**
 * The slice of facts a report covers. Exactly the field that belongs to {@link #kind()} is present.
 *
 * @param kind what is selected
 * @param campaignId the campaign, for {@link ScopeKind#CAMPAIGN}
 * @param sequenceId the sequence, for {@link ScopeKind#SEQUENCE}
 * @param channel the channel, for {@link ScopeKind#CHANNEL}
 */
public record ReportScope(ScopeKind kind, Optional<String> campaignId, Optional<String> sequenceId,
        Optional<Channel> channel) {

    /** Validates that exactly the field of {@code kind} is present. */
    public ReportScope {
        Require.present(kind, "scope.kind");
        Require.present(campaignId, "scope.campaignId");
        Require.present(sequenceId, "scope.sequenceId");
        Require.present(channel, "scope.channel");
        requireOnly(campaignId.isPresent(), kind == ScopeKind.CAMPAIGN, "scope.campaignId", kind);
        requireOnly(sequenceId.isPresent(), kind == ScopeKind.SEQUENCE, "scope.sequenceId", kind);
        requireOnly(channel.isPresent(), kind == ScopeKind.CHANNEL, "scope.channel", kind);
    }

    /** Everything. */
    public static ReportScope global() {
        return new ReportScope(ScopeKind.GLOBAL, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One campaign. */
    public static ReportScope campaign(String campaignId) {
        return new ReportScope(ScopeKind.CAMPAIGN, Optional.of(Require.text(campaignId, "scope.campaignId")),
                Optional.empty(), Optional.empty());
    }

    /** One sequence. */
    public static ReportScope sequence(String sequenceId) {
        return new ReportScope(ScopeKind.SEQUENCE, Optional.empty(),
                Optional.of(Require.text(sequenceId, "scope.sequenceId")), Optional.empty());
    }

    /** One channel. */
    public static ReportScope channel(Channel channel) {
        return new ReportScope(ScopeKind.CHANNEL, Optional.empty(), Optional.empty(),
                Optional.of(Require.present(channel, "scope.channel")));
    }

    /** A short label such as {@code campaign c-1} or {@code all campaigns}. */
    public String label() {
        return switch (kind) {
            case GLOBAL -> "all campaigns";
            case CAMPAIGN -> "campaign " + campaignId.orElseThrow();
            case SEQUENCE -> "sequence " + sequenceId.orElseThrow();
            case CHANNEL -> "channel " + channel.orElseThrow();
        };
    }

    private static void requireOnly(boolean present, boolean expected, String field, ScopeKind kind) {
        if (present != expected) {
            throw new ValidationException(field, (expected ? "is required" : "must be empty") + " for scope " + kind);
        }
    }
}
