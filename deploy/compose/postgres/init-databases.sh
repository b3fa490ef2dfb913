#!/usr/bin/env bash
# Creates one database and one owning role per service on the first start of an empty data volume (the postgres
# image runs /docker-entrypoint-initdb.d/* only then). Separate databases keep the event store (ledger), the read
# model (projection) and Keycloak's tables apart: each service's Flyway owns only its own schema, and a projection
# rebuild can never touch the event store. Passwords come from the compose environment (demo defaults there).
set -euo pipefail

create() {
  local database="$1" role="$2" password="$3"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=role="$role" --set=password="$password" --set=database="$database" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create ledger ledger "$LEDGER_DB_PASSWORD"
create projection projection "$PROJECTION_DB_PASSWORD"
create keycloak keycloak "$KEYCLOAK_DB_PASSWORD"
