-- Every closure of a case, kept when the case is reopened, so that "cases closed in a
-- period" stays what it was when the period ended. Written by CaseFileProjection.

CREATE TABLE case_file_closure (
    case_id   uuid        NOT NULL,
    sequence  bigint      NOT NULL,
    closed_on date        NOT NULL,
    reason    varchar(64) NOT NULL,
    CONSTRAINT pk_case_file_closure PRIMARY KEY (case_id, sequence),
    CONSTRAINT fk_case_file_closure_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
);

-- Cases closed before this table existed: their current closure.
INSERT INTO case_file_closure (case_id, sequence, closed_on, reason)
SELECT case_id, version, closed_on, closure_reason
  FROM case_file
 WHERE status = 'CLOSED' AND closed_on IS NOT NULL AND closure_reason IS NOT NULL;

CREATE VIEW reporting.closures AS
SELECT case_id, closed_on, reason AS closure_reason
  FROM public.case_file_closure;
COMMENT ON VIEW reporting.closures IS
    'Every closure of every case, including closures later undone by reopening the case.';
