-- Read model "reimbursement": filed requests and their service lines as filed, written by
-- org.caserecord.projections.casefile.CaseFileProjection in the case file's transaction; read
-- by the insurance-ready summaries and the dashboard.

CREATE TABLE case_reimbursement_request (
    request_id      uuid          NOT NULL,
    case_id         uuid          NOT NULL,
    coverage_id     uuid          NOT NULL,
    payer_id        varchar(100)  NOT NULL,
    period_from     date          NOT NULL,
    period_to       date          NOT NULL,
    total           numeric(12,2) NOT NULL,
    status          varchar(16)   NOT NULL,
    amount_paid     numeric(12,2),
    payer_reference text,
    reason_code     varchar(20),
    requested_at    timestamptz   NOT NULL,
    decided_at      timestamptz,
    CONSTRAINT pk_case_reimbursement_request PRIMARY KEY (request_id),
    CONSTRAINT fk_case_reimbursement_request_case FOREIGN KEY (case_id) REFERENCES case_file (case_id),
    CONSTRAINT ck_case_reimbursement_request_status
        CHECK (status IN ('PENDING', 'PAID', 'PARTIALLY_PAID', 'DENIED'))
);

CREATE INDEX ix_case_reimbursement_request_payer ON case_reimbursement_request (payer_id, status);

CREATE TABLE case_claim_line (
    request_id       uuid          NOT NULL,
    line_number      integer       NOT NULL,
    case_id          uuid          NOT NULL,
    meeting_id       uuid          NOT NULL,
    date_of_service  date          NOT NULL,
    service_code     varchar(5)    NOT NULL,
    modifiers        text[]        NOT NULL,
    units            integer       NOT NULL,
    unit_rate        numeric(12,2) NOT NULL,
    charge           numeric(12,2) NOT NULL,
    place_of_service varchar(2)    NOT NULL,
    rendering_npi    varchar(10),
    diagnosis_codes  text[]        NOT NULL,
    CONSTRAINT pk_case_claim_line PRIMARY KEY (request_id, line_number),
    CONSTRAINT fk_case_claim_line_request FOREIGN KEY (request_id) REFERENCES case_reimbursement_request (request_id)
);

CREATE INDEX ix_case_claim_line_date ON case_claim_line (date_of_service);
