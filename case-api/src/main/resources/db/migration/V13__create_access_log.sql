-- Who read which case, when, what and with what outcome: written before a case read is answered
-- (org.caserecord.api.audit.AccessLogFilter); a read whose entry cannot be written fails.
-- Holds user ids, case ids, paths and outcomes, never client data. Append-only.

CREATE TABLE access_log (
    entry_id    bigserial    NOT NULL,
    accessed_at timestamptz  NOT NULL,
    actor       varchar(255) NOT NULL,
    actor_roles varchar(255) NOT NULL,
    case_id     uuid,
    action      varchar(32)  NOT NULL,
    resource    varchar(2048) NOT NULL,
    outcome     varchar(16)  NOT NULL,
    status      smallint     NOT NULL,
    request_id  varchar(128),
    CONSTRAINT pk_access_log PRIMARY KEY (entry_id)
);

CREATE INDEX ix_access_log_case ON access_log (case_id, entry_id);
CREATE INDEX ix_access_log_actor ON access_log (actor, entry_id);
CREATE INDEX ix_access_log_accessed_at ON access_log (accessed_at, entry_id);

CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_record_change();

CREATE TRIGGER access_log_never_truncated
    BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_record_change();

REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC;
