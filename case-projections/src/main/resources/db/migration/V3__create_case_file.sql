-- Read model "case file": the current state of each case, for the case file view.
-- Rows are written only by org.caserecord.projections.casefile.CaseFileProjection.
-- `version` is the sequence number of the last event applied; handlers skip any event at
-- or below it, so a redelivered event changes nothing.

CREATE TABLE case_file (
    case_id              uuid         NOT NULL,
    version              bigint       NOT NULL,
    status               varchar(16)  NOT NULL,
    client_name          text         NOT NULL,
    client_date_of_birth date         NOT NULL,
    case_manager_id      varchar(255) NOT NULL,
    opened_on            date         NOT NULL,
    referral_source      text,
    presenting_concerns  text,
    closed_on            date,
    closure_reason       varchar(64),
    closure_summary      text,
    reopen_reason        text,
    recorded_at          timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CONSTRAINT pk_case_file PRIMARY KEY (case_id),
    CONSTRAINT ck_case_file_status CHECK (status IN ('OPEN', 'CLOSED'))
);

CREATE TABLE case_file_meeting (
    meeting_id       uuid         NOT NULL,
    case_id          uuid         NOT NULL,
    sequence         bigint       NOT NULL,
    type             varchar(32)  NOT NULL,
    occurred_at      timestamptz  NOT NULL,
    duration_minutes integer      NOT NULL,
    notes            text,
    recorded_at      timestamptz  NOT NULL,
    recorded_by      varchar(255),
    CONSTRAINT pk_case_file_meeting PRIMARY KEY (meeting_id),
    CONSTRAINT fk_case_file_meeting_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);

CREATE INDEX ix_case_file_meeting_case ON case_file_meeting (case_id, occurred_at);

CREATE TABLE case_file_meeting_attendee (
    meeting_id uuid    NOT NULL,
    position   integer NOT NULL,
    name       text    NOT NULL,
    role       text,
    CONSTRAINT pk_case_file_meeting_attendee PRIMARY KEY (meeting_id, position),
    CONSTRAINT fk_case_file_meeting_attendee_meeting FOREIGN KEY (meeting_id) REFERENCES case_file_meeting (meeting_id)
);

CREATE TABLE case_file_referral (
    referral_id    uuid         NOT NULL,
    case_id        uuid         NOT NULL,
    sequence       bigint       NOT NULL,
    provider_name  text         NOT NULL,
    provider_type  text         NOT NULL,
    reason         text,
    urgency        varchar(16)  NOT NULL,
    status         varchar(16)  NOT NULL,
    outcome_reason text,
    added_at       timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    CONSTRAINT pk_case_file_referral PRIMARY KEY (referral_id),
    CONSTRAINT fk_case_file_referral_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);

CREATE INDEX ix_case_file_referral_case ON case_file_referral (case_id, sequence);
