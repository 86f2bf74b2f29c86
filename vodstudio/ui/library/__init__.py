"""library views of the desktop app."""
