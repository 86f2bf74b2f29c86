"""accounts views of the desktop app."""
