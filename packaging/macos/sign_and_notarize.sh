#!/usr/bin/env bash
# Sign (hardened runtime), notarize and staple "dist/VOD Studio.app", then build, sign, notarize and
# staple the DMG. Driven by secrets; without them it builds an unsigned DMG and says so.
#   MACOS_CERT_P12_BASE64, MACOS_CERT_PASSWORD   Developer ID Application certificate (.p12, base64)
#   MACOS_CODESIGN_IDENTITY                       e.g. "Developer ID Application: VOD Studio (TEAMID)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   notarytool credentials (app-specific password)
# Notarization needs a Developer ID signature, so it only runs when signing ran.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIST="${VODSTUDIO_DIST:-dist}"  # overridable for the script's own test
APP="$DIST/VOD Studio.app"
ENTITLEMENTS="packaging/macos/entitlements.plist"
VERSION="$(python3 -c 'import runpy; print(runpy.run_path("vodstudio/app_info.py")["VERSION"])')"
ARCH="${VODSTUDIO_TARGET_ARCH:-$(uname -m)}"
DMG="$DIST/VODStudio-${VERSION}-macos-${ARCH}.dmg"
WORK="${RUNNER_TEMP:-$(mktemp -d)}"
[ -d "$APP" ] || { echo "build the app first: python packaging/build.py" >&2; exit 1; }

import_certificate() {
    local keychain="$WORK/signing.keychain-db" password
    password="$(uuidgen)"
    security create-keychain -p "$password" "$keychain"
    security set-keychain-settings -lut 21600 "$keychain"
    security unlock-keychain -p "$password" "$keychain"
    printf '%s' "$MACOS_CERT_P12_BASE64" | base64 --decode > "$WORK/cert.p12"
    security import "$WORK/cert.p12" -P "$MACOS_CERT_PASSWORD" -A -t cert -f pkcs12 -k "$keychain"
    rm -f "$WORK/cert.p12"
    # keep the existing keychains in the search list, add ours in front
    # shellcheck disable=SC2046
    security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
    security set-key-partition-list -S apple-tool:,apple: -s -k "$password" "$keychain" >/dev/null
}

sign_paths() {  # sign_paths <entitlements: 0|1> PATH...
    local entitle="$1"
    shift
    if [ "$entitle" = 1 ]; then
        codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
            --sign "$MACOS_CODESIGN_IDENTITY" "$@"
    else
        codesign --force --timestamp --options runtime --sign "$MACOS_CODESIGN_IDENTITY" "$@"
    fi
}

sign_each() {  # sign_each <entitlements: 0|1>, NUL-separated paths on stdin, 50 per codesign call
    local batch=() path
    while IFS= read -r -d '' path; do
        batch+=("$path")
        if [ "${#batch[@]}" -ge 50 ]; then sign_paths "$1" "${batch[@]}"; batch=(); fi
    done
    if [ "${#batch[@]}" -gt 0 ]; then sign_paths "$1" "${batch[@]}"; fi
}

macho_libraries() {  # Mach-O files outside Contents/MacOS (Frameworks: Qt, Python, extensions)
    find "$APP/Contents" -type f ! -path "$APP/Contents/MacOS/*" -print0 | while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q "Mach-O"; then printf '%s\0' "$file"; fi
    done
}

sign_app() {
    # Inside out, without --deep (Apple: --deep is for verification only): libraries, then nested
    # .framework bundles (deepest first), then the executables with the entitlements, then the app.
    # Data files in Contents/Resources are sealed by the app's own signature.
    macho_libraries | sign_each 0
    find "$APP/Contents" -type d -name '*.framework' -print0 | sort -rz | sign_each 0
    find "$APP/Contents/MacOS" -type f -print0 | sign_each 1
    sign_paths 1 "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
}

have_notary_secrets() {
    [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]
}

notarize() {
    # `submit --wait` can finish with status Invalid: read the status and print the log when it is not
    # Accepted. $1 is a .zip, .dmg or .pkg (stapling is done by the caller, never on a .zip).
    local result status id
    result="$(xcrun notarytool submit "$1" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait --output-format json)"
    status="$(printf '%s' "$result" | python3 -c 'import json, sys; print(json.load(sys.stdin).get("status", ""))')"
    id="$(printf '%s' "$result" | python3 -c 'import json, sys; print(json.load(sys.stdin).get("id", ""))')"
    if [ "$status" != "Accepted" ]; then
        echo "notarization of $1 ended with status '$status'" >&2
        [ -n "$id" ] && xcrun notarytool log "$id" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" >&2
        exit 1
    fi
}

signing=0
if [ -n "${MACOS_CERT_P12_BASE64:-}" ] && [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
    signing=1
    import_certificate
    sign_app
else
    echo "::warning::No signing secrets: building an UNSIGNED app and DMG (Gatekeeper will block a double-click)"
fi

notarizing=0
if [ "$signing" = 1 ] && have_notary_secrets; then
    notarizing=1
    ditto -c -k --keepParent "$APP" "$WORK/notarize.zip"
    notarize "$WORK/notarize.zip"
    rm -f "$WORK/notarize.zip"
    xcrun stapler staple "$APP"  # the ticket travels with the app, even when copied out of the DMG
elif [ "$signing" = 1 ]; then
    echo "::warning::No notarization secrets: the app is signed but not notarized"
fi

bash packaging/macos/make_dmg.sh "$APP" "$DMG"
if [ "$signing" = 1 ]; then
    codesign --force --timestamp --sign "$MACOS_CODESIGN_IDENTITY" "$DMG"
fi
if [ "$notarizing" = 1 ]; then
    notarize "$DMG"
    xcrun stapler staple "$DMG"
    xcrun stapler validate "$DMG"
fi
echo "built $DMG"
