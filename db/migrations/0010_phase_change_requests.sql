CREATE TABLE `phase_change_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`from_phase` text,
	`to_phase` text NOT NULL,
	`reason` text NOT NULL,
	`ends_on` text,
	`status` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_by_name` text NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_by` text,
	`decided_by_name` text,
	`decided_role` text,
	`decision_note` text,
	`decided_at` integer,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `phase_change_requests_cycle_idx` ON `phase_change_requests` (`cycle_id`);--> statement-breakpoint
CREATE INDEX `phase_change_requests_status_idx` ON `phase_change_requests` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `phase_change_requests_one_pending_uq` ON `phase_change_requests` (`cycle_id`) WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE `rulebooks` ADD `screening` text;