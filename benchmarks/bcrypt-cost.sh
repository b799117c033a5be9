#!/usr/bin/env bash
# What one login costs: bcrypt checks per second on this machine (the login ceiling of the opening rush, docs/benchmarks.md).
#   benchmarks/bcrypt-cost.sh [checks per thread]     (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
CRYPTO=$(ls ~/.m2/repository/org/springframework/security/spring-security-crypto/*/spring-security-crypto-*.jar | grep -v sources | sort -V | tail -1)
LOGGING=$(ls ~/.m2/repository/org/springframework/spring-jcl/*/spring-jcl-*.jar 2>/dev/null | sort -V | tail -1 || true)
java -cp "$CRYPTO${LOGGING:+:$LOGGING}" benchmarks/BcryptCost.java "${1:-200}"
