-- PostgreSQL: status-change ids sort byte-wise like the other ids; the attempts' time index covers the
-- dashboards' counts; the name order is byte-wise on the lower-cased "first last" (the expression the
-- lead search orders by); and a trigram index on the lower-cased search text serves case-insensitive
-- substring search (LIKE '%...%'). The trigram index needs the pg_trgm extension: when it cannot be
-- created (not installed, no privilege), the migration goes on without the index and searches by text
-- scan the filtered leads instead.
ALTER TABLE rc_lead_status_change ALTER COLUMN id TYPE VARCHAR(128) COLLATE "C";

-- The dashboards count attempts by creation time, channel and status: the time index carries the two
-- columns so that a month of attempts is counted from the index alone.
DROP INDEX rc_attempt_created_ix;
CREATE INDEX rc_attempt_created_ix ON rc_attempt (created_at, id) INCLUDE (channel, status);

CREATE INDEX rc_lead_name_ix ON rc_lead
    ((LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) COLLATE "C"), created_at, id);

DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm cannot be created (%); lead text search goes without its index', SQLERRM;
    END;
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE INDEX rc_lead_search_trgm_ix ON rc_lead USING gin ((LOWER(COALESCE(first_name, '''')'
        || ' || '' '' || COALESCE(last_name, '''') || '' '' || COALESCE(email, '''') || '' '' || COALESCE(phone, '''')'
        || ' || '' '' || COALESCE(external_id, ''''))) %I.gin_trgm_ops)', trgm_schema);
END $$;
