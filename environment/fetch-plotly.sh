#!/usr/bin/env bash
# Fetches plotly.min.js from the npm package plotly.js-dist-min (MIT) into a cache outside the repository, where
# `ironnb run --html` / `ironnb reproduce` find it and inline it once so reports open offline. Never committed (a
# 4.8 MB minified bundle). The version matches PlotlyJs.Version / PlotlyHtml.PlotlyJsVersion (the CDN copy figures load
# inside VS Code); the tarball is checked against the registry's pinned sha512 integrity. Uses npm when present,
# else curl from the npm registry. Prints the path of plotly.min.js. Idempotent.
#   IRONNB_PLOTLY_CACHE  cache root (default: ${XDG_CACHE_HOME:-~/.cache}/ironnotebooks)
set -euo pipefail
version=4.1.2
integrity="sha512-VSmS9KVNun16S8qFYYp9LlL/XBby4ueeGqB+K9AqRCVsup8dSpGULap4UyR1f2mz4pV3qjWp1sR5chwLgIKPoQ=="
cache="${IRONNB_PLOTLY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ironnotebooks}"
target="$cache/plotly.js-dist-min-$version"
if [ -s "$target/plotly.min.js" ]; then echo "$target/plotly.min.js"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tgz="$work/plotly.js-dist-min-$version.tgz"
if command -v npm >/dev/null; then
  (cd "$work" && npm pack --silent "plotly.js-dist-min@$version" >/dev/null 2>&1)
elif command -v curl >/dev/null; then
  curl -fsSL "https://registry.npmjs.org/plotly.js-dist-min/-/plotly.js-dist-min-$version.tgz" -o "$tgz"
else
  echo "fetch-plotly: needs npm or curl" >&2; exit 1
fi
actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then echo "fetch-plotly: integrity mismatch for $tgz ($actual)" >&2; exit 1; fi
tar -xzf "$tgz" -C "$work"
mkdir -p "$target"
cp "$work/package/plotly.min.js" "$work/package/package.json" "$target/"
[ -f "$work/package/LICENSE" ] && cp "$work/package/LICENSE" "$target/"
echo "$target/plotly.min.js"
