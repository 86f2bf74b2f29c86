"""widgets views of the desktop app."""
