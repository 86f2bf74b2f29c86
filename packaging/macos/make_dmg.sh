#!/usr/bin/env bash
# Make a compressed drag-to-Applications DMG from an .app with hdiutil (macOS only).
set -euo pipefail
APP="$1"
DMG="$2"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
# ditto keeps symlinks (framework Versions/Current), permissions and extended attributes intact
ditto "$APP" "$staging/$(basename "$APP")"
ln -s /Applications "$staging/Applications"
rm -f "$DMG"
hdiutil create -volname "VOD Studio" -srcfolder "$staging" -ov -format UDZO -fs HFS+ "$DMG"
