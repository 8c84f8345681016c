-- Read model "coverage": each case's insurance coverages, written by
-- org.caserecord.projections.casefile.CaseFileProjection in the case file's transaction.
-- member_id and group_number identify the client at the payer (PHI).

CREATE TABLE case_coverage (
    coverage_id             uuid         NOT NULL,
    case_id                 uuid         NOT NULL,
    sequence                bigint       NOT NULL,
    payer_id                varchar(100) NOT NULL,
    payer_name              text         NOT NULL,
    plan_name               text         NOT NULL,
    member_id               text         NOT NULL,
    group_number            text,
    subscriber_relationship varchar(16)  NOT NULL,
    effective_from          date         NOT NULL,
    effective_to            date,
    priority                varchar(16)  NOT NULL,
    ended                   boolean      NOT NULL DEFAULT false,
    recorded_at             timestamptz  NOT NULL,
    CONSTRAINT pk_case_coverage PRIMARY KEY (coverage_id),
    CONSTRAINT fk_case_coverage_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);

CREATE INDEX ix_case_coverage_case ON case_coverage (case_id, effective_from);
CREATE INDEX ix_case_coverage_payer ON case_coverage (payer_id, effective_from);
