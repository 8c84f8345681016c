-- Read model "caseload": one row per case, for each case manager's list of open cases.
-- Rows are written only by org.caserecord.projections.caseload.CaseloadProjection;
-- `version` guards against applying an event twice (see V3).

CREATE TABLE caseload_entry (
    case_id           uuid         NOT NULL,
    version           bigint       NOT NULL,
    case_manager_id   varchar(255) NOT NULL,
    client_name       text         NOT NULL,
    status            varchar(16)  NOT NULL,
    opened_on         date         NOT NULL,
    last_contact_at   timestamptz,
    pending_referrals integer      NOT NULL DEFAULT 0,
    open_referrals    integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_caseload_entry PRIMARY KEY (case_id)
);

CREATE INDEX ix_caseload_entry_manager ON caseload_entry (case_manager_id, status, opened_on, case_id);

-- The status of each referral, from which the entry's referral counts are recomputed.
CREATE TABLE caseload_referral (
    referral_id uuid        NOT NULL,
    case_id     uuid        NOT NULL,
    status      varchar(16) NOT NULL,
    CONSTRAINT pk_caseload_referral PRIMARY KEY (referral_id),
    CONSTRAINT fk_caseload_referral_entry FOREIGN KEY (case_id) REFERENCES caseload_entry (case_id)
);

CREATE INDEX ix_caseload_referral_case ON caseload_referral (case_id);
