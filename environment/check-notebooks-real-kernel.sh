#!/usr/bin/env bash
# CI step (issue 17): runs every notebooks/*.ipynb in the REAL .NET Interactive kernel as a Jupyter kernel, driven by
# Debian's python3-nbclient through /usr/bin/python3, and checks that `ironnb reproduce` agrees with it (same checks,
# same verdicts). Fails on any error output, any stderr output or any check that differs. Needs
# `bash environment/setup-polyglot.sh` first (the build-stamped packages in out/packages and the pinned tool).
# The kernel spec lives in a private JUPYTER_PATH (the user's kernels are left alone); Jupyter's connection binds
# 127.0.0.1 and the kernel's HTTP API is started with --http-local-only. Outputs: out/real-kernel/ (executed notebooks,
# summary.json, ironnb.json). Exit 0 when every notebook passed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tool="${DOTNET_INTERACTIVE:-$HOME/.dotnet/tools/dotnet-interactive}"
if [ ! -x "$tool" ]; then echo "real kernel: $tool not found; run bash environment/setup-polyglot.sh" >&2; exit 1; fi
if ! ls out/packages/IronNotebooks.*-local.*.nupkg >/dev/null 2>&1; then echo "real kernel: no build-stamped package in out/packages; run bash environment/setup-polyglot.sh" >&2; exit 1; fi
out=out/real-kernel
rm -rf "$out" && mkdir -p "$out"
jupyter_path=$(mktemp -d)
trap 'rm -rf "$jupyter_path"' EXIT
mkdir -p "$jupyter_path/kernels/ironnb-dotnet-csharp"
cat > "$jupyter_path/kernels/ironnb-dotnet-csharp/kernel.json" <<JSON
{"argv": ["$tool", "jupyter", "--default-kernel", "csharp", "--http-local-only", "{connection_file}"],
 "display_name": ".NET (C#) for IronNotebooks CI", "language": "C#"}
JSON
# The fast headless path on the same notebooks (its exit code is judged by the comparison below).
dotnet build lib/IronNotebooks.Cli -v quiet -nologo >&2
dotnet run --no-build --project lib/IronNotebooks.Cli -- reproduce --notebooks notebooks --out "$out/ironnb" --json > "$out/ironnb.json" || true
JUPYTER_PATH="$jupyter_path" JUPYTER_DATA_DIR="$jupyter_path" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 \
  /usr/bin/python3 environment/real_kernel_notebooks.py --notebooks notebooks --out "$out" --ironnb "$out/ironnb.json" --repo "$root" --kernel ironnb-dotnet-csharp
