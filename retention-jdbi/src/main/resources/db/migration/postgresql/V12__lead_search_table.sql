-- PostgreSQL: the lead search text moves out of rc_lead into rc_lead_search, one row per lead.
--
-- A lead's status is in two of rc_lead's indexes, so every status move (the first contact, a
-- conversion, an opt-out) writes a new entry in each of its indexes. With the trigram GIN index on
-- rc_lead that meant some thirty trigram keys per move although the search text had not changed. Here
-- the text and its trigram index sit in their own table, written when a lead is inserted and when an
-- edit changes one of the five searched columns, and never by a status move or a contact.
--
-- Triggers keep the table in step with rc_lead whatever writes the leads: one per INSERT statement
-- (set-based, through its transition table) and one per row that an UPDATE of a searched column
-- changes. Leads are never deleted; a search joins rc_lead, so a row left over by a hand-made delete
-- is never found. The functions resolve table names through the search path of this migration.
CREATE TABLE rc_lead_search (
    lead_id     VARCHAR(128) COLLATE "C" PRIMARY KEY,
    search_text VARCHAR NOT NULL
);

CREATE FUNCTION rc_lead_search_text(first_name VARCHAR, last_name VARCHAR, email VARCHAR, phone VARCHAR,
        external_id VARCHAR) RETURNS VARCHAR LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '') || ' ' || COALESCE(email, '') || ' '
       || COALESCE(phone, '') || ' ' || COALESCE(external_id, '')) $$;

INSERT INTO rc_lead_search (lead_id, search_text)
SELECT id, rc_lead_search_text(first_name, last_name, email, phone, external_id) FROM rc_lead;

CREATE FUNCTION rc_lead_search_insert() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS
$$
BEGIN
    INSERT INTO rc_lead_search (lead_id, search_text)
    SELECT id, rc_lead_search_text(first_name, last_name, email, phone, external_id) FROM inserted_leads;
    RETURN NULL;
END
$$;

CREATE TRIGGER rc_lead_search_insert AFTER INSERT ON rc_lead REFERENCING NEW TABLE AS inserted_leads
    FOR EACH STATEMENT EXECUTE FUNCTION rc_lead_search_insert();

CREATE FUNCTION rc_lead_search_edit() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS
$$
BEGIN
    UPDATE rc_lead_search
    SET search_text = rc_lead_search_text(NEW.first_name, NEW.last_name, NEW.email, NEW.phone, NEW.external_id)
    WHERE lead_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER rc_lead_search_edit AFTER UPDATE OF first_name, last_name, email, phone, external_id ON rc_lead
    FOR EACH ROW
    WHEN ((OLD.first_name, OLD.last_name, OLD.email, OLD.phone, OLD.external_id)
        IS DISTINCT FROM (NEW.first_name, NEW.last_name, NEW.email, NEW.phone, NEW.external_id))
    EXECUTE FUNCTION rc_lead_search_edit();

DROP INDEX IF EXISTS rc_lead_search_trgm_ix;

-- As in V5.1: the trigram index when pg_trgm can be had; otherwise text searches scan this table.
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE INDEX rc_lead_search_trgm_ix ON rc_lead_search USING gin (search_text %I.gin_trgm_ops)',
        trgm_schema);
END $$;
