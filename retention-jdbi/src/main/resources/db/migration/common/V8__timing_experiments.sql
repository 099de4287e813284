-- Timing experiments (issue 15, item 4): an A/B test may target one sequence step (its delay or its
-- send window), and each lead's arm is stored once per test (the primary key), with the step outcome
-- that planned the step.

ALTER TABLE rc_ab_test ADD COLUMN sequence_id VARCHAR(128);
ALTER TABLE rc_ab_test ADD COLUMN step_order INTEGER;

CREATE TABLE rc_arm_assignment (
    test_id       VARCHAR(128) NOT NULL,
    lead_id       VARCHAR(128) NOT NULL,
    campaign_id   VARCHAR(128) NOT NULL,
    enrollment_id VARCHAR(128) NOT NULL,
    variant       VARCHAR(128) NOT NULL,
    assigned_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (test_id, lead_id)
);
