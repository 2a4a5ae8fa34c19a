CREATE TABLE `communities` (
	`id` text PRIMARY KEY NOT NULL,
	`street_id` text NOT NULL,
	`code` text NOT NULL,
	`slug` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`description_zh` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `communities_slug_unique` ON `communities` (`slug`);--> statement-breakpoint
CREATE INDEX `communities_street_idx` ON `communities` (`street_id`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_code_unique` ON `districts` (`code`);--> statement-breakpoint
CREATE TABLE `streets` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `streets_code_unique` ON `streets` (`code`);--> statement-breakpoint
CREATE INDEX `streets_district_idx` ON `streets` (`district_id`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text,
	`mobile` text,
	`password_hash` text NOT NULL,
	`display_name` text NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`password_changed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_unique` ON `accounts` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_mobile_unique` ON `accounts` (`mobile`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_account_idx` ON `sessions` (`account_id`);--> statement-breakpoint
CREATE TABLE `register_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`register_no` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`phone` text,
	`verification_code` text NOT NULL,
	`claimed_by_account_id` text,
	`claimed_at` integer,
	`imported_at` integer NOT NULL,
	`imported_by` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `register_entries_verification_code_unique` ON `register_entries` (`verification_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `register_community_no_uq` ON `register_entries` (`community_id`,`register_no`);--> statement-breakpoint
CREATE INDEX `register_claimed_idx` ON `register_entries` (`claimed_by_account_id`);--> statement-breakpoint
CREATE TABLE `role_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`role` text NOT NULL,
	`scope_kind` text NOT NULL,
	`scope_id` text NOT NULL,
	`granted_at` integer NOT NULL,
	`granted_by` text,
	`revoked_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roles_account_idx` ON `role_assignments` (`account_id`);--> statement-breakpoint
CREATE INDEX `roles_scope_idx` ON `role_assignments` (`scope_kind`,`scope_id`,`role`);--> statement-breakpoint
CREATE TABLE `rulebooks` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`year` integer NOT NULL,
	`version` integer NOT NULL,
	`community_budget_fen` integer NOT NULL,
	`quorum_num` integer NOT NULL,
	`quorum_den` integer NOT NULL,
	`pass_num` integer NOT NULL,
	`pass_den` integer NOT NULL,
	`notice_days` integer NOT NULL,
	`vote_method` text NOT NULL,
	`vote_params` text NOT NULL,
	`result_rule` text NOT NULL,
	`categories` text NOT NULL,
	`themes` text NOT NULL,
	`negative_list` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rulebook_version_uq` ON `rulebooks` (`district_id`,`year`,`version`);--> statement-breakpoint
CREATE TABLE `cycle_phases` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`phase` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_phase_uq` ON `cycle_phases` (`cycle_id`,`phase`);--> statement-breakpoint
CREATE INDEX `cycle_phases_cycle_idx` ON `cycle_phases` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`year` integer NOT NULL,
	`rulebook_id` text NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text NOT NULL,
	`budget_fen` integer NOT NULL,
	`open_phase` text,
	`next_seq` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rulebook_id`) REFERENCES `rulebooks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_community_year_uq` ON `cycles` (`community_id`,`year`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`cycle_id` text NOT NULL,
	`community_id` text NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`theme` text NOT NULL,
	`description` text NOT NULL,
	`address` text NOT NULL,
	`lat` real,
	`lng` real,
	`proposer_type` text NOT NULL,
	`proposer_account_id` text,
	`estimated_cost_fen` integer NOT NULL,
	`agreed_amount_fen` integer,
	`beneficiaries` text DEFAULT '' NOT NULL,
	`beneficiary_count` integer,
	`state` text NOT NULL,
	`state_reason` text,
	`resident_votes` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_code_unique` ON `projects` (`code`);--> statement-breakpoint
CREATE INDEX `projects_cycle_idx` ON `projects` (`cycle_id`,`state`);--> statement-breakpoint
CREATE INDEX `projects_community_idx` ON `projects` (`community_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_account_id` text,
	`actor_role` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`before` text,
	`after` text,
	`reason` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_hash_unique` ON `audit_log` (`hash`);--> statement-breakpoint
CREATE INDEX `audit_subject_idx` ON `audit_log` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`);