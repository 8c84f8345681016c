-- Break-glass grants: a case manager not assigned to a case may read it until expires_at.
-- Written by org.caserecord.projections.casefile.CaseFileProjection in the case file's
-- transaction (rebuilt with it on a replay); read by the service's per-case authorization.

CREATE TABLE case_emergency_access (
    grant_id   uuid         NOT NULL,
    case_id    uuid         NOT NULL,
    user_id    varchar(255) NOT NULL,
    granted_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    CONSTRAINT pk_case_emergency_access PRIMARY KEY (grant_id),
    CONSTRAINT fk_case_emergency_access_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);

CREATE INDEX ix_case_emergency_access_case_user ON case_emergency_access (case_id, user_id, expires_at);
