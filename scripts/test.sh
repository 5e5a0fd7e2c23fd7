#!/usr/bin/env bash
# Installs Burhan with its test dependencies (Python packages with the Spark extra, and with
# apt the Debian Chromium and Arabic fonts the browser tests use, and a Java runtime for Spark
# where none is installed), then runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -q "Noto Naskh Arabic"; then
    SUDO=""
    if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
    if command -v apt-get >/dev/null; then
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
    else
        echo "warning: no apt-get: install Chromium and Noto Naskh Arabic yourself; browser tests will be skipped" >&2
    fi
fi
if ! command -v java >/dev/null; then  # the Spark tests need a Java runtime
    SUDO=""
    if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
    if command -v apt-get >/dev/null; then
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "warning: no java and no apt-get: the Spark tests will be skipped" >&2
    fi
fi
python -m pip install --quiet --disable-pip-version-check -e ".[test,spark]"
python -m pytest "$@"
