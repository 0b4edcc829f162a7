#!/usr/bin/env sh
# Makes the secrets the split deployment reads (docker/secrets/, ignored by git): the replica set's internal key,
# the MongoDB root account, and the registry's own database account. Run once before the first
# `docker compose up`; it never overwrites a secret that exists. Passwords are hex, so they need no escaping in URIs.
set -eu
cd "$(dirname "$0")"
mkdir -p secrets
umask 077
[ -s secrets/mongo-keyfile ]          || openssl rand -base64 756 > secrets/mongo-keyfile
[ -s secrets/mongo-root-username ]    || printf 'root' > secrets/mongo-root-username
[ -s secrets/mongo-root-password ]    || openssl rand -hex 24 | tr -d '\n' > secrets/mongo-root-password
[ -s secrets/registry-db-password ]   || openssl rand -hex 24 | tr -d '\n' > secrets/registry-db-password
[ -s secrets/keycloak-admin-password ] || openssl rand -hex 16 | tr -d '\n' > secrets/keycloak-admin-password
# Prometheus's client (client credentials grant, role ADMIN) in the Keycloak realm
[ -s secrets/registry-prometheus-client-secret ] || openssl rand -hex 24 | tr -d '\n' > secrets/registry-prometheus-client-secret
# the containers run mongod and the registry as other users than yours: readable for them, the directory stays 700
chmod 644 secrets/*
ls -l secrets
