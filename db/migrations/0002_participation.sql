CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`original_name` text NOT NULL,
	`mime` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`stored_path` text NOT NULL,
	`uploaded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_project_idx` ON `attachments` (`project_id`);--> statement-breakpoint
CREATE TABLE `ballots` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`register_entry_id` text NOT NULL,
	`account_id` text,
	`channel` text NOT NULL,
	`method` text NOT NULL,
	`content` text NOT NULL,
	`receipt_code` text NOT NULL,
	`cast_at` integer NOT NULL,
	`superseded_at` integer,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_entry_id`) REFERENCES `register_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_receipt_code_unique` ON `ballots` (`receipt_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_one_current_uq` ON `ballots` (`cycle_id`,`register_entry_id`) WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX `ballots_cycle_idx` ON `ballots` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`author_account_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`hidden_at` integer,
	`hidden_by` text,
	`hidden_reason` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_project_idx` ON `comments` (`project_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `cycle_results` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`rule` text NOT NULL,
	`official` integer NOT NULL,
	`result` text NOT NULL,
	`ballot_count` integer NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_results_rule_uq` ON `cycle_results` (`cycle_id`,`rule`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`project_id` text,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_account_idx` ON `notifications` (`account_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `paper_ballot_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`paper_serial` text NOT NULL,
	`register_entry_id` text NOT NULL,
	`content` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`status` text NOT NULL,
	`ballot_id` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_entry_id`) REFERENCES `register_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ballot_id`) REFERENCES `ballots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `paper_entries_serial_idx` ON `paper_ballot_entries` (`cycle_id`,`paper_serial`);--> statement-breakpoint
CREATE UNIQUE INDEX `paper_entries_person_uq` ON `paper_ballot_entries` (`cycle_id`,`paper_serial`,`entered_by`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`register_entry_id` text NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_entry_id`) REFERENCES `register_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_once_uq` ON `ratings` (`project_id`,`register_entry_id`);