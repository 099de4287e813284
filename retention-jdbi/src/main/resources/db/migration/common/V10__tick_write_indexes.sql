-- Every step rewrites its enrollment (status, next step, times), and each new row version gets an
-- entry in every index of the table: an index that serves no query of its own only slows the tick.
-- (sequence_id, status) is the prefix of rc_enrollment_sequence_completed_ix, which serves the same
-- lookups (the per-sequence status counts).
DROP INDEX rc_enrollment_sequence_ix;
