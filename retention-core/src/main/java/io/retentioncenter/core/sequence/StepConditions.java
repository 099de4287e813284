package io.retentioncenter.core.sequence;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Evaluates {@link StepCondition}s against the lead and the enrollment's earlier attempts. */
public final class StepConditions {
    private static final Set<AttemptStatus> OPENED = EnumSet.of(AttemptStatus.OPENED, AttemptStatus.REPLIED);
    private static final Set<AttemptStatus> ANSWERED = EnumSet.of(AttemptStatus.ANSWERED, AttemptStatus.SUCCESS);

    private StepConditions() {
    }

    /** The first condition of {@code step} that does not hold, or empty when all hold. */
    public static Optional<StepCondition> firstFailing(SequenceStep step, Lead lead, List<ContactAttempt> earlier) {
        if (step.conditions().isEmpty()) {
            return Optional.empty(); // most steps have none: no stream per step
        }
        return step.conditions().stream().sorted().filter(c -> !holds(c, lead, earlier)).findFirst();
    }

    /** Whether {@code condition} holds. */
    public static boolean holds(StepCondition condition, Lead lead, List<ContactAttempt> earlier) {
        return switch (condition) {
            case EMAIL_NOT_OPENED -> earlier.stream()
                    .noneMatch(a -> a.channel() == Channel.EMAIL && OPENED.contains(a.status()));
            case NO_REPLY -> earlier.stream().noneMatch(a -> a.status() == AttemptStatus.REPLIED);
            case CALL_NOT_ANSWERED -> earlier.stream()
                    .noneMatch(a -> a.channel() == Channel.CALL && ANSWERED.contains(a.status()));
            case NOT_CONVERTED -> lead.status() != LeadStatus.CONVERTED;
        };
    }
}
