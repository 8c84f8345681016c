-- Runs after every Flyway migrate (a callback, not a versioned migration), so tables added by
-- later migrations are covered the next time the service starts. In production the service
-- connects as an application role that does not own the schema (deploy/DATABASE.md); this
-- gives that role exactly what the service needs, whatever it held before. The append-only
-- tables get no UPDATE, DELETE or TRUNCATE: privileges stop a change even where the
-- append-only triggers (V10) have been disabled. Local mode leaves appRole empty: nothing to do.
--
-- Placeholders: appRole is spring.flyway.placeholders.appRole; flyway:defaultSchema and
-- flyway:table are Flyway's own (the schema migrated and its history table).

DO $grant$
DECLARE
    app_role      text := '${appRole}';
    app_schema    text := '${flyway:defaultSchema}';
    history_table text := '${flyway:table}';
    append_only   text;
BEGIN
    IF app_role = '' THEN
        RETURN;
    END IF;

    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app_role) THEN
        RAISE EXCEPTION 'The application role "%" does not exist; create it first (deploy/DATABASE.md)', app_role;
    END IF;
    -- Such a role would hold the privileges revoked here anyway, and revoking from the
    -- migrating role itself would take Flyway's own rights to its history table.
    IF pg_has_role(app_role, current_user, 'MEMBER')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = app_role) THEN
        RAISE EXCEPTION 'The application role "%" must not be a superuser, the migrating role "%" or a member of it',
            app_role, current_user;
    END IF;

    -- Start from nothing, so the result is the same on every run.
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', app_schema, app_role);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', app_schema, app_role);

    -- TRUNCATE: the projections' reset handlers empty their read models before a replay.
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', app_schema, app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA %I TO %I',
        app_schema, app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', app_schema, app_role);

    -- The dashboard reads the reporting views (V8).
    IF to_regnamespace('reporting') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA reporting FROM %I', app_role);
        EXECUTE format('GRANT USAGE ON SCHEMA reporting TO %I', app_role);
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO %I', app_role);
    END IF;

    -- The legal record: rows are appended and read, never changed or removed. A table that a
    -- migration has not created yet is skipped; the next migrate after it covers it.
    FOREACH append_only IN ARRAY ARRAY['domain_event_entry', 'event_seal', 'access_log'] LOOP
        IF to_regclass(format('%I.%I', app_schema, append_only)) IS NOT NULL THEN
            EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.%I FROM %I', app_schema, append_only, app_role);
        END IF;
    END LOOP;
    -- Data keys (V17) are created and destroyed (wrapped_key set to NULL), never removed or
    -- otherwise changed: a removed row would read like a case that never had personal data.
    IF to_regclass(format('%I.case_data_key', app_schema)) IS NOT NULL THEN
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.case_data_key FROM %I', app_schema, app_role);
        EXECUTE format('GRANT UPDATE (wrapped_key, destroyed_at, destroyed_by) ON %I.case_data_key TO %I',
                       app_schema, app_role);
    END IF;
    -- Events get their global index from the sequence, never from the writer: a row placed
    -- behind the sealer's position would otherwise be read with its case but never sealed.
    IF to_regclass(format('%I.domain_event_entry', app_schema)) IS NOT NULL THEN
        EXECUTE format('REVOKE INSERT ON %I.domain_event_entry FROM %I', app_schema, app_role);
        EXECUTE format('GRANT INSERT (event_identifier, meta_data, payload, payload_revision, payload_type, '
                       'time_stamp, aggregate_identifier, sequence_number, type) ON %I.domain_event_entry TO %I',
                       app_schema, app_role);
    END IF;

    -- Flyway's history is Flyway's: the service may read it, nothing more.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I.%I FROM %I', app_schema, history_table, app_role);
END
$grant$;
