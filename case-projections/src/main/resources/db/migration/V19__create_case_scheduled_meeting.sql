-- Scheduled meetings (issue 10): set up for a time to come, ended exactly once (HELD by a
-- recorded meeting, CANCELLED, or MISSED). Written by the case file projection.

CREATE TABLE case_scheduled_meeting (
    scheduled_meeting_id uuid         NOT NULL,
    case_id              uuid         NOT NULL,
    sequence             bigint       NOT NULL,
    type                 varchar(32)  NOT NULL,
    scheduled_for        timestamptz  NOT NULL,
    planned_minutes      integer      NOT NULL,
    attendees            jsonb        NOT NULL,
    location             text,
    purpose              text,
    status               varchar(16)  NOT NULL,
    meeting_id           uuid,
    cancellation_reason  text,
    ended_at             timestamptz,
    scheduled_at         timestamptz  NOT NULL,
    scheduled_by         varchar(255),
    CONSTRAINT pk_case_scheduled_meeting PRIMARY KEY (scheduled_meeting_id),
    CONSTRAINT fk_case_scheduled_meeting_case FOREIGN KEY (case_id) REFERENCES case_file (case_id),
    CONSTRAINT ck_case_scheduled_meeting_status CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED', 'MISSED'))
);

CREATE INDEX ix_case_scheduled_meeting_case ON case_scheduled_meeting (case_id, scheduled_for);
CREATE INDEX ix_case_scheduled_meeting_upcoming ON case_scheduled_meeting (scheduled_for) WHERE status = 'SCHEDULED';
