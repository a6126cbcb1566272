#!/bin/bash
# PostgreSQL's first start (docker-entrypoint-initdb.d, only when the data volume is empty): one
# database per service, owned by a login role of the same name. The extensions that the services'
# migrations create are made here by the superuser, because earthdistance is not a trusted
# extension: the owner of a database may not create it. The migrations' own
# `create extension if not exists` then finds them in place.
set -euo pipefail

create_database() {
  local name=$1
  shift
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$LERNSTADT_DB_PASSWORD" <<'SQL'
create role :"name" login password :'password';
create database :"name" owner :"name";
SQL
  for extension in "$@"; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$name" \
      -c "create extension if not exists $extension"
  done
}

create_database catalogue cube earthdistance unaccent pg_trgm
create_database counseling btree_gist
create_database participation pg_trgm
create_database monitoring
