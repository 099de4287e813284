-- The operator's surface: memberships an operator removed stay (for history), unmatched postbacks
-- remember the lead an operator linked them to, and campaigns, scripts and sequences get an optional
-- description.
ALTER TABLE rc_campaign_lead ADD COLUMN status VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE rc_campaign_lead ADD COLUMN removed_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE rc_unmatched_postback ADD COLUMN matched_lead_id VARCHAR(128);
ALTER TABLE rc_unmatched_postback ADD COLUMN matched_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE rc_campaign ADD COLUMN description VARCHAR;
ALTER TABLE rc_script ADD COLUMN description VARCHAR;
ALTER TABLE rc_sequence ADD COLUMN description VARCHAR;

-- A campaign's lead list, whole or by member status, in assignment order.
CREATE INDEX rc_campaign_lead_assigned_ix ON rc_campaign_lead (campaign_id, assigned_at, lead_id);
CREATE INDEX rc_campaign_lead_status_ix ON rc_campaign_lead (campaign_id, status, assigned_at, lead_id);
-- A campaign's results: its attempts by channel.
CREATE INDEX rc_attempt_campaign_ix ON rc_attempt (campaign_id, channel);
-- The conversions page: filters by campaign, status or channel, newest first.
CREATE INDEX rc_conversion_campaign_ix ON rc_conversion (campaign_id, occurred_at, id);
CREATE INDEX rc_conversion_status_ix ON rc_conversion (status, occurred_at, id);
CREATE INDEX rc_conversion_channel_ix ON rc_conversion (channel, occurred_at, id);
