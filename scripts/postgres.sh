#!/usr/bin/env bash
# Make a PostgreSQL server available on 127.0.0.1 for the PostgreSQL warehouse, dbt's postgres target and
# Dagster's production storage. Used by .ci/run and `make postgres`; idempotent.
#   1. a server already answers at FIELDVOICE_PG_HOST:FIELDVOICE_PG_PORT → only ensure the role;
#   2. else install Debian's postgresql if missing, start its cluster bound to 127.0.0.1, create the role.
# The role gets CREATEDB so that tests can create throwaway databases.
set -euo pipefail
HOST="${FIELDVOICE_PG_HOST:-127.0.0.1}"
PORT="${FIELDVOICE_PG_PORT:-5432}"
USER_NAME="${FIELDVOICE_PG_USER:-fieldvoice}"
PASSWORD="${FIELDVOICE_PG_PASSWORD:-fieldvoice}"
DATABASE="${FIELDVOICE_PG_DATABASE:-fieldvoice}"

ready() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

if ! ready; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$VERSION main$"; then
    pg_createcluster "$VERSION" main -p "$PORT" >/dev/null
  fi
  # Loopback only: the warehouse holds customer data.
  printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$PORT" >"/etc/postgresql/$VERSION/main/conf.d/fieldvoice.conf"
  pg_ctlcluster "$VERSION" main start || pg_ctlcluster "$VERSION" main restart
  for _ in $(seq 1 30); do ready && break; sleep 1; done
  ready || { echo "postgres: no server on $HOST:$PORT" >&2; exit 1; }
fi

# Administration goes through the local socket as the postgres superuser (peer authentication).
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if as_postgres psql -p "$PORT" -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then
  as_postgres psql -q -p "$PORT" -d postgres -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN
    CREATE ROLE "$USER_NAME" LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
  as_postgres psql -p "$PORT" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" \
    | grep -q 1 || as_postgres createdb -p "$PORT" -O "$USER_NAME" "$DATABASE"
fi
echo "postgres: ready on $HOST:$PORT (role $USER_NAME, database $DATABASE)"
