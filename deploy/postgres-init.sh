#!/bin/sh
# Runs once, when docker-compose.yaml's postgres volume is first created: the warehouse's own role and database
# next to Dagster's (POSTGRES_DB). psql variables quote the name and password, whatever characters they hold.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v role="$FIELDVOICE_PG_USER" -v password="$FIELDVOICE_PG_PASSWORD" -v database="$FIELDVOICE_PG_DATABASE" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
SQL
