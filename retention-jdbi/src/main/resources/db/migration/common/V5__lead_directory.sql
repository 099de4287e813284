-- The operator's leads page and timelines: notes on a lead, the history of status moves, and the
-- indexes that serve the page's filters and orders (ties by creation time, then id).
ALTER TABLE rc_lead ADD COLUMN notes VARCHAR;

CREATE TABLE rc_lead_status_change (
    id          VARCHAR(128) NOT NULL PRIMARY KEY,
    lead_id     VARCHAR(128) NOT NULL,
    from_status VARCHAR(16)  NOT NULL,
    to_status   VARCHAR(16)  NOT NULL,
    changed_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX rc_lead_status_change_lead_ix ON rc_lead_status_change (lead_id, changed_at, id);
CREATE INDEX rc_lead_status_change_at_ix ON rc_lead_status_change (changed_at, id);

CREATE INDEX rc_lead_status_created_ix ON rc_lead (status, created_at, id);
CREATE INDEX rc_lead_source_created_ix ON rc_lead (source, created_at, id);
CREATE INDEX rc_lead_updated_ix ON rc_lead (updated_at, created_at, id);
