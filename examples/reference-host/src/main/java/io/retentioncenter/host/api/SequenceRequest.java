package io.retentioncenter.host.api;

import io.retentioncenter.core.sequence.NewSequence;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Body of {@code POST /api/sequences}: a DRAFT sequence, optionally linked to a campaign, with its
 * steps in order. {@code reenrollCooldown} is an ISO-8601 duration such as {@code P30D}.
 */
public record SequenceRequest(String name, String campaignId, Duration reenrollCooldown, List<StepRequest> steps,
        String description) {

    NewSequence toNewSequence() {
        NewSequence.Builder b = NewSequence.builder(name);
        Optional.ofNullable(campaignId).ifPresent(b::campaign);
        Optional.ofNullable(reenrollCooldown).ifPresent(b::reenrollCooldown);
        Optional.ofNullable(description).ifPresent(b::description);
        Optional.ofNullable(steps).ifPresent(list -> list.forEach(step -> b.step(Requests.present(step, "steps[]").toStep(1))));
        return b.build();
    }

    /** Body of {@code PUT /api/sequences/{id}}: the new name, re-enrollment cooldown and description (absent clears it). */
    public record Update(String name, Duration reenrollCooldown, String description) {
    }
}
