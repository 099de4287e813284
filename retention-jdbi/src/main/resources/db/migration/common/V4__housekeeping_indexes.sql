-- Housekeeping deletes old rows by time; these indexes keep the purge from scanning whole tables.
CREATE INDEX rc_processed_event_at_ix ON rc_processed_event (processed_at);
CREATE INDEX rc_conversion_replay_at_ix ON rc_conversion_replay (recorded_at);
CREATE INDEX rc_rate_bucket_window_ix ON rc_rate_bucket (window_start);
