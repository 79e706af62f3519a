#!/usr/bin/env bash
# Fetch the partial plotly.js bundles the timeline page uses, from the npm registry,
# into timeline/vendor/plotlyjs/ (vendored: pages work offline, no download at run time).
#
#   bash scripts/update_plotlyjs.sh            # the pinned versions below
#   BASIC=4.1.1 GL2D=3.7.0 bash scripts/update_plotlyjs.sh
#
# Provenance: the official "dist-min" packages published by Plotly on npm
# (plotly.js-basic-dist-min: traces bar, pie, scatter; plotly.js-gl2d-dist-min:
# traces scatter, scattergl, splom, parcoords; its last release is 3.7.0, the gl2d
# bundle was not published for plotly.js 4). Both are MIT licensed (LICENSE copied
# beside them). The same files are on the plotly CDN as
# https://cdn.plot.ly/plotly-basic-<version>.min.js and .../plotly-gl2d-<version>.min.js.
# After an update, change BUNDLES in timeline/page.py to the new versions (the page
# tests check that the files and the versions agree) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
BASIC="${BASIC:-4.1.1}"
GL2D="${GL2D:-3.7.0}"
DEST=timeline/vendor/plotlyjs
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$DEST"
: > "$TMP/VERSIONS"
for spec in "basic:$BASIC" "gl2d:$GL2D"; do
  name="${spec%%:*}"; version="${spec#*:}"
  pkg="plotly.js-$name-dist-min@$version"
  (cd "$TMP" && npm pack --silent "$pkg" > "$name.tgz.name")
  tgz="$TMP/$(cat "$TMP/$name.tgz.name")"
  mkdir -p "$TMP/$name"
  tar xzf "$tgz" -C "$TMP/$name"
  cp "$TMP/$name/package/plotly-$name.min.js" "$DEST/plotly-$name.min.js"
  cp "$TMP/$name/package/LICENSE" "$DEST/LICENSE"
  sha="$(sha256sum "$DEST/plotly-$name.min.js" | cut -d' ' -f1)"
  echo "plotly-$name.min.js $pkg sha256=$sha" >> "$TMP/VERSIONS"
done
cp "$TMP/VERSIONS" "$DEST/VERSIONS"
cat "$DEST/VERSIONS"
