#!/usr/bin/env bash
# Lints processes/*.bpmn the way Camunda Modeler does: bpmnlint's recommended rules plus the
# Camunda 7.24 compatibility rules (bpmnlint-plugin-camunda-compat), configured in .bpmnlintrc.
# The linter's npm packages are pinned in .ci/bpmnlint/package-lock.json and installed there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT/.ci/bpmnlint"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# bpmnlint finds its plug-in and the Camunda moddle extension from the working directory (here)
npx --no-install bpmnlint --config "$ROOT/.bpmnlintrc" "$ROOT"/processes/*.bpmn
echo "bpmnlint: $(ls "$ROOT"/processes/*.bpmn | wc -l) BPMN files, no finding"
