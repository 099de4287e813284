-- PostgreSQL: ids sort byte-wise ("C" collation) so that ties in time order break exactly as in
-- Java (String.compareTo), and byte-wise comparison keeps their indexes fast.
ALTER TABLE rc_lead ALTER COLUMN id TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE rc_enrollment ALTER COLUMN id TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE rc_execution ALTER COLUMN id TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE rc_attempt ALTER COLUMN id TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE rc_conversion ALTER COLUMN id TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE rc_unmatched_postback ALTER COLUMN replay_key TYPE VARCHAR(512) COLLATE "C";

-- Partial indexes hold only the rows the claim queries look at, so they stay small and ordered
-- however large the history grows. The claim queries repeat these predicates literally.
CREATE INDEX rc_enrollment_due_ix ON rc_enrollment (next_execute_at, id) WHERE status = 'ACTIVE';
CREATE INDEX rc_attempt_dispatchable_ix ON rc_attempt (due_at, id) WHERE status IN ('SCHEDULED', 'PENDING');
CREATE INDEX rc_attempt_dispatching_ix ON rc_attempt (dispatch_until NULLS FIRST, id) WHERE status = 'DISPATCHING';

-- Sparse columns: only rows that have a value get an index entry, so most attempts skip these.
CREATE INDEX rc_attempt_provider_ref_ix ON rc_attempt (provider_ref) WHERE provider_ref IS NOT NULL;
CREATE INDEX rc_attempt_ab_test_ix ON rc_attempt (ab_test_id) WHERE ab_test_id IS NOT NULL;

-- Free space in every page lets updates that change no indexed column (the lease of a claim, a
-- lead's contact count) stay on their page as HOT updates, which write no index entries.
ALTER TABLE rc_lead SET (fillfactor = 80);
ALTER TABLE rc_enrollment SET (fillfactor = 70);
ALTER TABLE rc_attempt SET (fillfactor = 80);
