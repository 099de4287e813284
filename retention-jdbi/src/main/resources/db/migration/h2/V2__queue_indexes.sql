-- H2 has no partial indexes: composite indexes lead with the status the claim queries filter on.
-- H2 compares strings like Java's String.compareTo already, so ids need no collation.
CREATE INDEX rc_enrollment_due_ix ON rc_enrollment (status, next_execute_at, id);
CREATE INDEX rc_attempt_dispatchable_ix ON rc_attempt (status, due_at, id);
CREATE INDEX rc_attempt_dispatching_ix ON rc_attempt (status, dispatch_until, id);
CREATE INDEX rc_attempt_provider_ref_ix ON rc_attempt (provider_ref);
CREATE INDEX rc_attempt_ab_test_ix ON rc_attempt (ab_test_id);
