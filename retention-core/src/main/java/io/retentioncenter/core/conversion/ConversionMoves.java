package io.retentioncenter.core.conversion;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a postback does to a lead's conversion in a campaign, the rule every store applies inside
 * {@link io.retentioncenter.core.spi.RetentionStore#recordConversion}: creates it (status from the
 * postback kind, revenue from the payout; a REBILL creates nothing), moves it (LEAD → SALE replaces
 * the revenue, LEAD/SALE → REJECTED keeps it) or adds a REBILL to a SALE. The first currency and
 * transaction id are kept and {@code raw} follows the latest postback. Empty means the postback asks
 * for something the conversion does not allow.
 */
public final class ConversionMoves {
    private ConversionMoves() {
    }

    /** The conversion after applying {@code command} to {@code existing}, or empty when not allowed. */
    public static Optional<Conversion> apply(Optional<Conversion> existing, ConversionCommand command) {
        return existing.isPresent() ? moved(existing.get(), command) : created(command);
    }

    private static Optional<Conversion> created(ConversionCommand command) {
        if (command.kind() == PostbackKind.REBILL) {
            return Optional.empty();
        }
        Conversion c = command.candidate();
        return Optional.of(new Conversion(c.id(), c.leadId(), c.campaignId(), c.channel(), c.attemptId(),
                c.enrollmentId(), c.stepOrder(), c.abTestId(), c.variant(), statusOf(command.kind()), command.payout(),
                c.currency(), c.transactionId(), c.occurredAt(), command.at(), c.raw()));
    }

    private static Optional<Conversion> moved(Conversion current, ConversionCommand command) {
        if (command.kind() == PostbackKind.REBILL) {
            return current.status() == ConversionStatus.SALE
                    ? Optional.of(changed(current, command, ConversionStatus.SALE,
                            current.revenue().add(command.payout())))
                    : Optional.empty();
        }
        ConversionStatus next = statusOf(command.kind());
        if (!current.status().canMoveTo(next)) {
            return Optional.empty();
        }
        BigDecimal revenue = next == ConversionStatus.REJECTED ? current.revenue() : command.payout();
        return Optional.of(changed(current, command, next, revenue));
    }

    private static Conversion changed(Conversion c, ConversionCommand command, ConversionStatus status,
            BigDecimal revenue) {
        return new Conversion(c.id(), c.leadId(), c.campaignId(), c.channel(), c.attemptId(), c.enrollmentId(),
                c.stepOrder(), c.abTestId(), c.variant(), status, revenue, c.currency().or(command.candidate()::currency),
                c.transactionId().or(command::transactionId), c.occurredAt(), command.at(), command.raw());
    }

    private static ConversionStatus statusOf(PostbackKind kind) {
        return switch (kind) {
            case LEAD -> ConversionStatus.LEAD;
            case SALE, REBILL -> ConversionStatus.SALE;
            case REJECTED -> ConversionStatus.REJECTED;
        };
    }
}
