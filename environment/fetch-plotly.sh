#!/usr/bin/env bash
# Fetches plotly.min.js from the npm package plotly.js-dist-min (MIT) into a cache outside the repository, where the
# `ironnb` HTML reports find it and inline it once so they open offline. Never committed (a 4.8 MB minified bundle).
# The version matches PlotlyHtml.PlotlyJsVersion (the CDN copy notebooks load inside VS Code); npm checks the
# registry's integrity hash. Prints the path of plotly.min.js. Idempotent.
#   IRONNB_PLOTLY_CACHE  cache root (default: ${XDG_CACHE_HOME:-~/.cache}/ironnotebooks)
set -euo pipefail
version=4.1.2
cache="${IRONNB_PLOTLY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ironnotebooks}"
target="$cache/plotly.js-dist-min-$version"
if [ -s "$target/plotly.min.js" ]; then echo "$target/plotly.min.js"; exit 0; fi
command -v npm >/dev/null || { echo "fetch-plotly: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "plotly.js-dist-min@$version" >/dev/null 2>&1 && tar -xzf "plotly.js-dist-min-$version.tgz")
mkdir -p "$target"
cp "$work/package/plotly.min.js" "$work/package/LICENSE" "$work/package/package.json" "$target/" 2>/dev/null \
  || cp "$work/package/plotly.min.js" "$work/package/package.json" "$target/"
echo "$target/plotly.min.js"
