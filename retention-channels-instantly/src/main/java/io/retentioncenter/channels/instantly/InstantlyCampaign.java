package io.retentioncenter.channels.instantly;

import java.util.Optional;

/**
 * An Instantly campaign as its list endpoint describes it, for an operator picking the campaign a
 * Retention Center campaign sends through ({@link InstantlyEmailProvider#CAMPAIGN_SETTING}).
 *
 * @param id the campaign uuid
 * @param name its name
 * @param status Instantly's status code (0 draft, 1 active, 2 paused, 3 completed, negative codes
 *     for unhealthy accounts or suspension), when given
 */
public record InstantlyCampaign(String id, Optional<String> name, Optional<Integer> status) {
}
