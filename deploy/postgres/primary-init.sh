#!/bin/bash
# Run once by the official postgres image on an empty primary (/docker-entrypoint-initdb.d): the role innozone serves
# requests as (README "Using your own PostgreSQL"), and the role the replica streams WAL as.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$INNOZONE_APP_PASSWORD" -v replication_password="$REPLICATION_PASSWORD" <<'SQL'
create role innozone_app login password :'app_password';
create role replicator login replication password :'replication_password';
SQL
# Replication connections from the compose network (the image's own pg_hba.conf allows ordinary ones already).
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
