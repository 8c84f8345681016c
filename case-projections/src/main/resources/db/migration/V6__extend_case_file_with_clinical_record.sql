-- Read model "case file", part two: the clinical record. Entries of every kind live in one
-- table as JSON documents (one document shape per kind, the view records of
-- org.caserecord.projections.casefile); amendments and treatment plan versions have their
-- own tables. Written only by CaseFileProjection, guarded by case_file.version like V3.

ALTER TABLE case_file
    ADD COLUMN risk_level       varchar(16),
    ADD COLUMN risk_assessed_at timestamptz,
    ADD COLUMN plan_version     integer NOT NULL DEFAULT 0;

CREATE TABLE case_file_entry (
    entry_id    uuid         NOT NULL,
    case_id     uuid         NOT NULL,
    sequence    bigint       NOT NULL,
    kind        varchar(32)  NOT NULL,
    occurred_at timestamptz,
    document    jsonb        NOT NULL,
    CONSTRAINT pk_case_file_entry PRIMARY KEY (entry_id),
    CONSTRAINT fk_case_file_entry_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);

CREATE INDEX ix_case_file_entry_case ON case_file_entry (case_id, kind, sequence);

CREATE TABLE case_file_amendment (
    amendment_id uuid         NOT NULL,
    case_id      uuid         NOT NULL,
    entry_id     uuid         NOT NULL,
    entry_type   varchar(32)  NOT NULL,
    sequence     bigint       NOT NULL,
    text         text         NOT NULL,
    reason       text         NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    recorded_by  varchar(255),
    CONSTRAINT pk_case_file_amendment PRIMARY KEY (amendment_id),
    CONSTRAINT fk_case_file_amendment_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);

CREATE INDEX ix_case_file_amendment_case ON case_file_amendment (case_id, entry_id, sequence);

CREATE TABLE case_file_treatment_plan (
    case_id      uuid         NOT NULL,
    plan_version integer      NOT NULL,
    sequence     bigint       NOT NULL,
    document     jsonb        NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    recorded_by  varchar(255),
    CONSTRAINT pk_case_file_treatment_plan PRIMARY KEY (case_id, plan_version),
    CONSTRAINT fk_case_file_treatment_plan_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);
