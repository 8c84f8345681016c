-- Read model "caseload", part two: each case's latest assessed risk and its next open
-- follow-up, so caseloads can show what is due, overdue and at risk. Overdue and days since
-- last contact depend on today's date and are computed when read.

ALTER TABLE caseload_entry
    ADD COLUMN risk_level         varchar(16),
    ADD COLUMN risk_assessed_at   timestamptz,
    ADD COLUMN next_follow_up_due date;

CREATE TABLE caseload_follow_up (
    follow_up_id uuid    NOT NULL,
    case_id      uuid    NOT NULL,
    due_on       date    NOT NULL,
    completed    boolean NOT NULL DEFAULT false,
    CONSTRAINT pk_caseload_follow_up PRIMARY KEY (follow_up_id),
    CONSTRAINT fk_caseload_follow_up_entry FOREIGN KEY (case_id) REFERENCES caseload_entry (case_id)
);

CREATE INDEX ix_caseload_follow_up_case ON caseload_follow_up (case_id) WHERE NOT completed;
