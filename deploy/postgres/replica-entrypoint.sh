#!/bin/bash
# The streaming replica: on an empty data folder, copy the primary with pg_basebackup (-R writes standby.signal and
# primary_conninfo), then start as the official image does. Later starts find the copy and stream from where they were.
set -euo pipefail
: "${PRIMARY_HOST:?the primary's host name}" "${REPLICATION_PASSWORD:?the replicator role's password}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready --host="$PRIMARY_HOST" --port=5432 --quiet; do
    echo "replica: waiting for the primary at $PRIMARY_HOST"
    sleep 1
  done
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 0700 "$PGDATA"
  PGPASSWORD="$REPLICATION_PASSWORD" gosu postgres pg_basebackup \
    --host="$PRIMARY_HOST" --port=5432 --username=replicator \
    --pgdata="$PGDATA" --wal-method=stream --write-recovery-conf --checkpoint=fast --progress
fi
exec docker-entrypoint.sh "$@"
