#!/bin/sh
# `healthcheck.sh --connect --innodb_initialized` of the official image, for the stand-in:
# the server answers on its socket and InnoDB is ready.
set -eu
mariadb --socket=/run/mysqld/mysqld.sock -N -e \
  "SELECT 1 FROM information_schema.ENGINES WHERE ENGINE = 'InnoDB' AND SUPPORT IN ('YES', 'DEFAULT')" | grep -q 1
