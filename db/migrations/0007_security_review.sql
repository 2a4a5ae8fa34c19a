CREATE TABLE `auth_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`blocked_until` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trusted_devices` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trusted_devices_account_idx` ON `trusted_devices` (`account_id`);--> statement-breakpoint
ALTER TABLE `ballot_imports` ADD `sha256` text;--> statement-breakpoint
ALTER TABLE `ballot_imports` ADD `file_text` text;--> statement-breakpoint
ALTER TABLE `ballot_imports` ADD `reviewed_by` text REFERENCES accounts(id);--> statement-breakpoint
ALTER TABLE `ballot_imports` ADD `reviewed_at` integer;--> statement-breakpoint
ALTER TABLE `ballot_imports` ADD `review_note` text;