package io.retentioncenter.channels.instantly;

import java.util.Optional;

/**
 * An Instantly sending account (mailbox) as its list endpoint describes it.
 *
 * @param email the mailbox address
 * @param status Instantly's status code (1 active, 2 paused, negative codes for connection, bounce or
 *     sending errors), when given
 * @param warmupStatus Instantly's warm-up status code, when given
 */
public record InstantlyAccount(String email, Optional<Integer> status, Optional<Integer> warmupStatus) {
}
