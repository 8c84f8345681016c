-- The resource directory (issue 10): services clients can be referred to. Read model of the
-- Resource aggregate, written by the resource-directory processing group. No client data.

CREATE TABLE directory_resource (
    resource_id       uuid         NOT NULL,
    version           bigint       NOT NULL,
    name              text         NOT NULL,
    type              varchar(32)  NOT NULL,
    contact           text         NOT NULL,
    address           text,
    languages         text[]       NOT NULL,
    accepted_payers   text[]       NOT NULL,
    notes             text,
    status            varchar(16)  NOT NULL,
    retirement_reason text,
    registered_at     timestamptz  NOT NULL,
    registered_by     varchar(255),
    updated_at        timestamptz  NOT NULL,
    updated_by        varchar(255),
    retired_at        timestamptz,
    CONSTRAINT pk_directory_resource PRIMARY KEY (resource_id),
    CONSTRAINT ck_directory_resource_status CHECK (status IN ('ACTIVE', 'RETIRED'))
);

CREATE INDEX ix_directory_resource_name ON directory_resource (lower(name), resource_id);

-- A referral or intervention to a resource of the directory names it and keeps its contact as it
-- was; the first answer (accepted or declined), when, and a declined referral's category feed the
-- per-resource statistics.
ALTER TABLE case_file_referral
    ADD COLUMN provider_resource_id uuid,
    ADD COLUMN provider_contact     text,
    ADD COLUMN decline_reason       varchar(32),
    ADD COLUMN answer               varchar(16),
    ADD COLUMN answered_at          timestamptz;

CREATE INDEX ix_case_file_referral_resource ON case_file_referral (provider_resource_id, added_at)
    WHERE provider_resource_id IS NOT NULL;

CREATE OR REPLACE VIEW reporting.referral_outcomes AS
SELECT referral_id, case_id, provider_type, urgency, status, added_at,
       CASE WHEN status <> 'PENDING' THEN updated_at END AS outcome_at,
       CASE WHEN status <> 'PENDING'
            THEN extract(epoch FROM updated_at - added_at) / 86400.0 END AS days_to_outcome,
       provider_resource_id AS resource_id, answer, answered_at,
       extract(epoch FROM answered_at - added_at) / 86400.0 AS days_to_answer,
       decline_reason
  FROM public.case_file_referral;
COMMENT ON VIEW reporting.referral_outcomes IS
    'Referrals with their current status; for answered ones, when the latest outcome was recorded and the days it took; '
    'for referrals to a resource of the directory, its id, the first answer (ACCEPTED or DECLINED), the days to it, '
    'and the category of a decline.';

CREATE VIEW reporting.resources AS
SELECT resource_id, name, type, status, registered_at, retired_at
  FROM public.directory_resource;
COMMENT ON VIEW reporting.resources IS 'The resource directory: every service, active or retired.';
