CREATE INDEX `register_imported_by_idx` ON `register_entries` (`imported_by`);--> statement-breakpoint
CREATE INDEX `roles_granted_by_idx` ON `role_assignments` (`granted_by`);--> statement-breakpoint
CREATE INDEX `cycles_open_idx` ON `cycles` (`open_phase`) WHERE open_phase is not null and open_phase <> 'closed';--> statement-breakpoint
CREATE INDEX `cycles_unphased_idx` ON `cycles` (`id`) WHERE open_phase is null;--> statement-breakpoint
CREATE INDEX `cycles_rulebook_idx` ON `cycles` (`rulebook_id`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`actor_account_id`);--> statement-breakpoint
CREATE INDEX `attachments_uploaded_by_idx` ON `attachments` (`uploaded_by`);--> statement-breakpoint
CREATE INDEX `comment_replies_author_idx` ON `comment_replies` (`author_account_id`);--> statement-breakpoint
CREATE INDEX `comments_hidden_by_idx` ON `comments` (`hidden_by`);--> statement-breakpoint
CREATE INDEX `paper_entries_entered_by_idx` ON `paper_ballot_entries` (`entered_by`);--> statement-breakpoint
CREATE INDEX `agenda_items_project_idx` ON `agenda_items` (`project_id`);--> statement-breakpoint
CREATE INDEX `council_votes_account_idx` ON `council_votes` (`account_id`);--> statement-breakpoint
CREATE INDEX `council_votes_recorded_by_idx` ON `council_votes` (`recorded_by`);--> statement-breakpoint
CREATE INDEX `meeting_addenda_meeting_idx` ON `meeting_addenda` (`meeting_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `meeting_addenda_created_by_idx` ON `meeting_addenda` (`created_by`);--> statement-breakpoint
CREATE INDEX `attendance_account_idx` ON `meeting_attendance` (`account_id`);--> statement-breakpoint
CREATE INDEX `meetings_community_idx` ON `meetings` (`community_id`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `meetings_created_by_idx` ON `meetings` (`created_by`);--> statement-breakpoint
CREATE INDEX `objections_register_entry_idx` ON `objections` (`register_entry_id`);--> statement-breakpoint
CREATE INDEX `objections_status_idx` ON `objections` (`status`);--> statement-breakpoint
CREATE INDEX `objections_answered_by_idx` ON `objections` (`answered_by`);--> statement-breakpoint
CREATE INDEX `screening_opinions_author_idx` ON `screening_opinions` (`author_account_id`);--> statement-breakpoint
CREATE INDEX `acceptances_created_by_idx` ON `acceptances` (`created_by`);--> statement-breakpoint
CREATE INDEX `agreements_created_by_idx` ON `agreements` (`created_by`);--> statement-breakpoint
CREATE INDEX `findings_created_by_idx` ON `audit_findings` (`created_by`);--> statement-breakpoint
CREATE INDEX `payments_created_by_idx` ON `payments` (`created_by`);--> statement-breakpoint
CREATE INDEX `progress_photos_attachment_idx` ON `progress_photos` (`attachment_id`);--> statement-breakpoint
CREATE INDEX `progress_created_by_idx` ON `progress_reports` (`created_by`);