"""A record's history and the audit log, read from the vault's append-only audit table."""
