-- Read model "accounting of disclosures": one row per DisclosureRecorded, written by
-- org.caserecord.projections.casefile.CaseFileProjection in the case file's transaction (so it
-- is rebuilt with the case file on a replay). `sequence` is the case version of the event;
-- an export is the case as of that version.

CREATE TABLE case_disclosure (
    disclosure_id          uuid         NOT NULL,
    case_id                uuid         NOT NULL,
    sequence               bigint       NOT NULL,
    recipient_name         text         NOT NULL,
    recipient_organization text,
    recipient_address      text,
    purpose                varchar(32)  NOT NULL,
    description            text         NOT NULL,
    legal_basis            text         NOT NULL,
    disclosed_on           date         NOT NULL,
    export_id              uuid,
    export_format          varchar(8),
    recorded_at            timestamptz  NOT NULL,
    recorded_by            varchar(255),
    CONSTRAINT pk_case_disclosure PRIMARY KEY (disclosure_id),
    CONSTRAINT fk_case_disclosure_case FOREIGN KEY (case_id) REFERENCES case_file (case_id),
    CONSTRAINT uq_case_disclosure_export UNIQUE (export_id)
);

CREATE INDEX ix_case_disclosure_case ON case_disclosure (case_id, sequence);
CREATE INDEX ix_case_disclosure_disclosed_on ON case_disclosure (disclosed_on, disclosure_id);
