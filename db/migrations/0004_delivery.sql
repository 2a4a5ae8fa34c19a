CREATE TABLE `acceptances` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`result` text NOT NULL,
	`accepted_on` text NOT NULL,
	`inspector` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `acceptances_project_idx` ON `acceptances` (`project_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`implementer_name` text NOT NULL,
	`implementer_type` text NOT NULL,
	`registration_no` text NOT NULL,
	`implementer_rating` integer,
	`agreement_date` text NOT NULL,
	`agreed_amount_fen` integer NOT NULL,
	`planned_start` text NOT NULL,
	`planned_end` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_project_uq` ON `agreements` (`project_id`);--> statement-breakpoint
CREATE TABLE `audit_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text,
	`cycle_id` text,
	`severity` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `findings_project_idx` ON `audit_findings` (`project_id`);--> statement-breakpoint
CREATE INDEX `findings_cycle_idx` ON `audit_findings` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `ballot_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`processed` integer NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`finished_at` integer,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `imported_ballots` (
	`id` text PRIMARY KEY NOT NULL,
	`import_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`voter_ref` text NOT NULL,
	`content` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `ballot_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imported_ballots_voter_uq` ON `imported_ballots` (`cycle_id`,`voter_ref`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`batch_no` integer NOT NULL,
	`paid_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_batch_uq` ON `payments` (`project_id`,`batch_no`);--> statement-breakpoint
CREATE TABLE `progress_photos` (
	`report_id` text NOT NULL,
	`attachment_id` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `progress_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_photo_uq` ON `progress_photos` (`report_id`,`attachment_id`);--> statement-breakpoint
CREATE TABLE `progress_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`reported_on` text NOT NULL,
	`percent` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_project_idx` ON `progress_reports` (`project_id`,`reported_on`);