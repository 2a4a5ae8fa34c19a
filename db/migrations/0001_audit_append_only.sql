-- The audit log is append-only: refuse every UPDATE and DELETE at the database
-- itself, so even a buggy service cannot rewrite history. (The hash chain
-- catches what a raw file edit does behind SQLite's back.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
