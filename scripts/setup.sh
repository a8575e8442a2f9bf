#!/usr/bin/env bash
# Installs the system libraries Seleksi links against (libsqlite3, libxml2, cmark-gfm) when they are missing.
# Sourced by scripts/run.sh and scripts/walkthrough.sh; .ci/run installs them itself.
if command -v apt-get >/dev/null 2>&1 && ! pkg-config --exists sqlite3 libxml-2.0 libcmark-gfm 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libsqlite3-dev libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config >/dev/null
fi
