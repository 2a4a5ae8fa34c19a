CREATE TABLE `security_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`account_id` text,
	`address` text,
	`what` text NOT NULL,
	`outcome` text NOT NULL,
	`detail` text,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `security_events_at_idx` ON `security_events` (`at`);--> statement-breakpoint
CREATE INDEX `security_events_kind_idx` ON `security_events` (`kind`,`at`);--> statement-breakpoint
CREATE INDEX `security_events_account_idx` ON `security_events` (`account_id`,`at`);