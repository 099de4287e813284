package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.Channel;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Rate-limit windows and processed inbound events: counters and keys guarded by unique indexes. */
final class Reservations {
    private static final String RESERVE = "UPDATE <schema>rc_rate_bucket SET used = used + 1"
            + " WHERE campaign_id = :campaignId AND channel = :channel AND window_start = :windowStart AND used < :max";
    private static final String INSERT_BUCKET = "INSERT INTO <schema>rc_rate_bucket (campaign_id, channel,"
            + " window_start, used) VALUES (:campaignId, :channel, :windowStart, 0)";
    private static final String INSERT_EVENT = "INSERT INTO <schema>rc_processed_event (event_key, processed_at)"
            + " VALUES (:eventKey, :at)";

    private final Database db;

    Reservations(Database db) {
        this.db = db;
    }

    /**
     * Takes one send from the window with a conditional increment ({@code used < max}) under the
     * bucket's row lock, creating the bucket first when the increment found none.
     */
    boolean tryReserveRate(String campaignId, Channel channel, Instant windowStart, int max) {
        return db.withHandle("tryReserveRate", h -> {
            if (reserve(h, campaignId, channel, windowStart, max)) {
                return true;
            }
            db.dialect().insertIfAbsent(h, INSERT_BUCKET, u -> u.bind("campaignId", campaignId)
                    .bind("channel", channel.name()).bindByType("windowStart", windowStart, Instant.class));
            return reserve(h, campaignId, channel, windowStart, max);
        });
    }

    private static boolean reserve(Handle handle, String campaignId, Channel channel,
            Instant windowStart, int max) {
        return handle.createUpdate(RESERVE)
                .bind("campaignId", campaignId)
                .bind("channel", channel.name())
                .bindByType("windowStart", windowStart, Instant.class)
                .bind("max", max)
                .execute() == 1;
    }

    /** Records the event key; false when the unique key existed (a replay). */
    boolean markEventProcessed(String eventKey, Instant at) {
        return db.withHandle("markEventProcessed", h -> db.dialect().insertIfAbsent(h, INSERT_EVENT,
                u -> u.bind("eventKey", eventKey).bindByType("at", at, Instant.class)) == 1);
    }
}
