-- Small partial indexes for the operator's queues: attempts whose outcome is unknown and enrollments
-- set aside after their step kept failing. Both hold only the rows waiting for an operator.
CREATE INDEX rc_attempt_unknown_ix ON rc_attempt (created_at, id) WHERE status = 'UNKNOWN';
CREATE INDEX rc_enrollment_set_aside_ix ON rc_enrollment (enrolled_at, id) WHERE status = 'SET_ASIDE';
