#!/usr/bin/env bash
# Fetches the third-party front-end files Aswaq embeds, from the npm registry, at pinned
# versions, and copies the few files it serves into the tree. The results are committed, so
# building and testing never need the network; run this only to change a version.
set -euo pipefail
cd "$(dirname "$0")/.."

HTMX=htmx.org@2.0.11
NASKH=@fontsource/noto-naskh-arabic@5.3.0
TIFINAGH=@fontsource/noto-sans-tifinagh@5.3.0
AXE=axe-core@4.14.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

unpack() { # unpack PACKAGE@VERSION DIR
	mkdir -p "$work/$2"
	(cd "$work" && npm pack --silent "$1" >/dev/null)
	tar -xzf "$work"/*.tgz -C "$work/$2" --strip-components=1
	rm "$work"/*.tgz
}

unpack "$HTMX" htmx
unpack "$NASKH" naskh
unpack "$TIFINAGH" tifinagh
unpack "$AXE" axe

static=internal/platform/webkit/static
mkdir -p "$static/vendor" "$static/fonts" internal/web/browsertest/testdata
cp "$work/htmx/dist/htmx.min.js" "$static/vendor/htmx.min.js"
cp "$work/naskh/files/noto-naskh-arabic-arabic-400-normal.woff2" "$static/fonts/noto-naskh-arabic-400.woff2"
cp "$work/naskh/files/noto-naskh-arabic-arabic-700-normal.woff2" "$static/fonts/noto-naskh-arabic-700.woff2"
cp "$work/tifinagh/files/noto-sans-tifinagh-tifinagh-400-normal.woff2" "$static/fonts/noto-sans-tifinagh-400.woff2"
cp "$work/naskh/LICENSE" "$static/fonts/LICENSE-OFL.txt"
cp "$work/axe/axe.min.js" internal/web/browsertest/testdata/axe.min.js

cat > "$static/vendor/VERSIONS" <<VERSIONS
$HTMX
$NASKH
$TIFINAGH
$AXE (browser tests only)
VERSIONS
echo "vendored: $HTMX $NASKH $TIFINAGH $AXE"
