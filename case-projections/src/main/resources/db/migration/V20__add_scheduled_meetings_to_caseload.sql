-- The caseload shows each case's next scheduled meeting (the earliest not yet ended), and a
-- no-show since the last contact makes a case overdue (issue 10).

ALTER TABLE caseload_entry
    ADD COLUMN next_meeting_at timestamptz,
    ADD COLUMN last_no_show_at timestamptz;

CREATE TABLE caseload_scheduled_meeting (
    scheduled_meeting_id uuid        NOT NULL,
    case_id              uuid        NOT NULL,
    scheduled_for        timestamptz NOT NULL,
    pending              boolean     NOT NULL DEFAULT true,
    CONSTRAINT pk_caseload_scheduled_meeting PRIMARY KEY (scheduled_meeting_id),
    CONSTRAINT fk_caseload_scheduled_meeting_entry FOREIGN KEY (case_id) REFERENCES caseload_entry (case_id)
);

CREATE INDEX ix_caseload_scheduled_meeting_case ON caseload_scheduled_meeting (case_id) WHERE pending;
