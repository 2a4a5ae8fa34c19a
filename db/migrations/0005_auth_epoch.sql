-- auth_epoch: one row whose n changes, by the triggers below, whenever a
-- session is renewed or ended, an account is edited or removed, a role is
-- granted or revoked, or a place is renamed (server/auth/session-cache.ts).
-- A new session needs no trigger: nobody can have it cached yet.
CREATE TABLE `auth_epoch` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
-- A random start, so that two different databases (say, a backup of another
-- site restored over this one) are unlikely ever to share a value.
INSERT INTO `auth_epoch` (`id`, `n`) VALUES (1, abs(random() % 1000000000000));
--> statement-breakpoint
CREATE TRIGGER auth_epoch_sessions_update AFTER UPDATE ON sessions
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_sessions_delete AFTER DELETE ON sessions
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_accounts_update AFTER UPDATE ON accounts
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_accounts_delete AFTER DELETE ON accounts
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_role_assignments_insert AFTER INSERT ON role_assignments
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_role_assignments_update AFTER UPDATE ON role_assignments
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_role_assignments_delete AFTER DELETE ON role_assignments
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_communities_update AFTER UPDATE ON communities
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_communities_delete AFTER DELETE ON communities
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_streets_update AFTER UPDATE ON streets
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_streets_delete AFTER DELETE ON streets
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_districts_update AFTER UPDATE ON districts
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER auth_epoch_districts_delete AFTER DELETE ON districts
BEGIN
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
