#!/usr/bin/env bash
# Sign (hardened runtime), notarize and staple "dist/VOD Studio.app", then build, sign, notarize and
# staple the DMG. Driven by secrets; without them it builds an unsigned DMG and says so.
#   MACOS_CERT_P12_BASE64, MACOS_CERT_PASSWORD   Developer ID Application certificate (.p12, base64)
#   MACOS_CODESIGN_IDENTITY                       e.g. "Developer ID Application: VOD Studio (TEAMID)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   notarytool credentials (app-specific password)
set -euo pipefail
cd "$(dirname "$0")/../.."
APP="dist/VOD Studio.app"
VERSION="$(python3 -c 'import runpy; print(runpy.run_path("vodstudio/app_info.py")["VERSION"])')"
ARCH="${VODSTUDIO_TARGET_ARCH:-$(uname -m)}"
DMG="dist/VODStudio-${VERSION}-macos-${ARCH}.dmg"
[ -d "$APP" ] || { echo "build the app first: python packaging/build.py" >&2; exit 1; }

signing=0
if [ -n "${MACOS_CERT_P12_BASE64:-}" ] && [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
    signing=1
    keychain="$RUNNER_TEMP/signing.keychain-db"
    keychain_password="$(uuidgen)"
    security create-keychain -p "$keychain_password" "$keychain"
    security set-keychain-settings -lut 21600 "$keychain"
    security unlock-keychain -p "$keychain_password" "$keychain"
    echo "$MACOS_CERT_P12_BASE64" | base64 --decode > "$RUNNER_TEMP/cert.p12"
    security import "$RUNNER_TEMP/cert.p12" -P "$MACOS_CERT_PASSWORD" -A -t cert -f pkcs12 -k "$keychain"
    security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
    security set-key-partition-list -S apple-tool:,apple: -s -k "$keychain_password" "$keychain" >/dev/null
    # Sign every nested binary first, then the app (codesign --deep is deprecated for signing).
    find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -111 \) -print0 |
        xargs -0 codesign --force --timestamp --options runtime \
            --entitlements packaging/macos/entitlements.plist --sign "$MACOS_CODESIGN_IDENTITY"
    codesign --force --timestamp --options runtime --entitlements packaging/macos/entitlements.plist \
        --sign "$MACOS_CODESIGN_IDENTITY" "$APP"
    codesign --verify --strict --verbose=2 "$APP"
else
    echo "::warning::No signing secrets: building an UNSIGNED app and DMG (Gatekeeper will warn users)"
fi

notarize() {
    [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ] || {
        echo "::warning::No notarization secrets: skipping notarization of $1"; return 0; }
    xcrun notarytool submit "$1" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$1"
}

if [ "$signing" = 1 ]; then
    ditto -c -k --keepParent "$APP" "dist/notarize.zip"
    notarize "dist/notarize.zip"
    rm -f dist/notarize.zip
    # stapling the app itself (notarization was of the zip that contains it)
    [ -n "${APPLE_ID:-}" ] && xcrun stapler staple "$APP" || true
fi

bash packaging/macos/make_dmg.sh "$APP" "$DMG"
if [ "$signing" = 1 ]; then
    codesign --force --timestamp --sign "$MACOS_CODESIGN_IDENTITY" "$DMG"
    notarize "$DMG"
fi
echo "built $DMG"
