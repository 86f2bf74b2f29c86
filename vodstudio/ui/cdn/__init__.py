"""cdn views of the desktop app."""
