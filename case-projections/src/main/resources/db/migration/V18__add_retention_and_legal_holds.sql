-- Retention (issue 6): the case file knows when its record may be disposed of, which legal
-- holds apply, and when it was disposed of. After disposal by crypto-shredding the case's
-- personal data reads as placeholders, and a date of birth as nothing: hence nullable.

ALTER TABLE case_file
    ALTER COLUMN client_date_of_birth DROP NOT NULL,
    ADD COLUMN retain_until date,
    ADD COLUMN disposed_at  timestamptz,
    ADD COLUMN disposed_by  varchar(255);

-- The retention register walks closed cases by the day their retention ends.
CREATE INDEX ix_case_file_retain_until ON case_file (retain_until, case_id) WHERE retain_until IS NOT NULL;

CREATE TABLE case_legal_hold (
    hold_id          uuid         NOT NULL,
    case_id          uuid         NOT NULL,
    sequence         bigint       NOT NULL,
    matter_reference text         NOT NULL,
    reason           text         NOT NULL,
    placed_at        timestamptz  NOT NULL,
    placed_by        varchar(255),
    released_at      timestamptz,
    released_by      varchar(255),
    release_reason   text,
    CONSTRAINT pk_case_legal_hold PRIMARY KEY (hold_id),
    CONSTRAINT fk_case_legal_hold_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);

CREATE INDEX ix_case_legal_hold_active ON case_legal_hold (case_id) WHERE released_at IS NULL;
CREATE INDEX ix_case_legal_hold_case ON case_legal_hold (case_id, sequence);

-- Without retain_until: for a minor it is derived from the date of birth.
CREATE VIEW reporting.retention AS
SELECT f.case_id, f.status, f.closed_on, f.disposed_at,
       (SELECT count(*) FROM public.case_legal_hold h WHERE h.case_id = f.case_id AND h.released_at IS NULL)
           AS active_legal_holds
  FROM public.case_file f;
COMMENT ON VIEW reporting.retention IS
    'Per case: status, closed on, number of legal holds in force, and when its record was disposed of.';
