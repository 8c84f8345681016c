#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume (the image runs
# /docker-entrypoint-initdb.d/*.sh as POSTGRES_USER, a superuser, against POSTGRES_DB).
# Creates the two roles of deploy/DATABASE.md: caserecord_owner owns the database and what
# Flyway creates in it; caserecord_app is what the service connects as, with the privileges
# the afterMigrate callback grants it. Neither is a superuser.
set -Eeo pipefail

: "${CASERECORD_DB_OWNER_PASSWORD:?set CASERECORD_DB_OWNER_PASSWORD}"
: "${CASERECORD_DB_APP_PASSWORD:?set CASERECORD_DB_APP_PASSWORD}"

# Passwords go in as psql variables (:'name' quotes them), never into the SQL text.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v database="$POSTGRES_DB" \
    -v owner_password="$CASERECORD_DB_OWNER_PASSWORD" \
    -v app_password="$CASERECORD_DB_APP_PASSWORD" <<'SQL'
CREATE ROLE caserecord_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE caserecord_app LOGIN PASSWORD :'app_password';

-- The database owner may create in the public schema (PostgreSQL 15+: pg_database_owner owns it).
ALTER DATABASE :"database" OWNER TO caserecord_owner;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO caserecord_app;
SQL
