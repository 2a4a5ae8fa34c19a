CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`project_id` text NOT NULL,
	`position` integer NOT NULL,
	`presentation_note` text,
	`discussion_summary` text,
	`outcome` text,
	`decided_at` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_item_uq` ON `agenda_items` (`meeting_id`,`project_id`);--> statement-breakpoint
CREATE TABLE `council_terms` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`account_id` text NOT NULL,
	`role` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `council_terms_community_idx` ON `council_terms` (`community_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `council_votes` (
	`agenda_item_id` text NOT NULL,
	`account_id` text NOT NULL,
	`vote` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`recorded_by` text,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `council_vote_uq` ON `council_votes` (`agenda_item_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `meeting_addenda` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`meeting_id` text NOT NULL,
	`account_id` text NOT NULL,
	`present` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_uq` ON `meeting_attendance` (`meeting_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`title` text NOT NULL,
	`scheduled_at` text NOT NULL,
	`place` text NOT NULL,
	`status` text NOT NULL,
	`agenda_published_at` integer,
	`members_total` integer,
	`minutes` text,
	`opened_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_cycle_idx` ON `meetings` (`cycle_id`,`scheduled_at`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`outcome` text,
	`closed_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_project_idx` ON `notices` (`project_id`);--> statement-breakpoint
CREATE INDEX `notices_open_idx` ON `notices` (`closed_at`,`ends_at`);--> statement-breakpoint
CREATE TABLE `objections` (
	`id` text PRIMARY KEY NOT NULL,
	`notice_id` text NOT NULL,
	`project_id` text NOT NULL,
	`register_entry_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`answer` text,
	`answered_by` text,
	`answered_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_entry_id`) REFERENCES `register_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objections_notice_idx` ON `objections` (`notice_id`,`status`);--> statement-breakpoint
CREATE TABLE `screening_opinions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`author_account_id` text NOT NULL,
	`stance` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screening_opinions_project_idx` ON `screening_opinions` (`project_id`);