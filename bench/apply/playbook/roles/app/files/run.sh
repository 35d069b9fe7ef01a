#!/bin/sh
# Starts the service with its environment (a stand-in for the real start script).
set -a
. "$(dirname "$0")/conf/env"
exec echo "would start with $HEAP_OPTS"
