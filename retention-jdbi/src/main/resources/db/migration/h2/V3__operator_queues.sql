-- H2 keeps no partial indexes: attempts by status use rc_attempt_dispatchable_ix (status, ...);
-- enrollments get a status index for the operator's set-aside queue.
CREATE INDEX rc_enrollment_status_ix ON rc_enrollment (status, enrolled_at, id);
