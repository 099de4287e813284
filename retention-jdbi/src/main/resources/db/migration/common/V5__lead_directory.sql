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

-- Status filters and the status order; source filters with or without a status, whose totals these
-- indexes count alone. The last-change order has no index on purpose: updated_at changes with every
-- attempt's contact count, an update that stays on its page (HOT) only while no index holds the column.
CREATE INDEX rc_lead_status_created_ix ON rc_lead (status, created_at, id);
CREATE INDEX rc_lead_source_status_created_ix ON rc_lead (source, status, created_at, id);
