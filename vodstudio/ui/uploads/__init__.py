"""uploads views of the desktop app."""
