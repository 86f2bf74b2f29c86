"""Application identity: the one source for the package, the PyInstaller spec and the installers."""

NAME = "VOD Studio"
SLUG = "vodstudio"
ORGANIZATION = "VOD Studio"
ORG_DOMAIN = "vodstudio.app"
BUNDLE_ID = "app.vodstudio.VODStudio"
VERSION = "0.1.0"
KEYRING_SERVICE = "VOD Studio"
