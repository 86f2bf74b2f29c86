"""Local state: profile paths, SQLite, settings, secrets, logging."""
