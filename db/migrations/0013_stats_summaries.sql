CREATE TABLE `stats_cells` (
	`community_id` text NOT NULL,
	`year` integer NOT NULL,
	`projects_total` integer DEFAULT 0 NOT NULL,
	`projects_submitted` integer DEFAULT 0 NOT NULL,
	`projects_screened_out` integer DEFAULT 0 NOT NULL,
	`projects_in_selection` integer DEFAULT 0 NOT NULL,
	`projects_not_adopted` integer DEFAULT 0 NOT NULL,
	`projects_adopted` integer DEFAULT 0 NOT NULL,
	`projects_adopted_by_residents` integer DEFAULT 0 NOT NULL,
	`projects_in_progress` integer DEFAULT 0 NOT NULL,
	`projects_accepted` integer DEFAULT 0 NOT NULL,
	`projects_on_time` integer DEFAULT 0 NOT NULL,
	`projects_withdrawn` integer DEFAULT 0 NOT NULL,
	`money_budget_fen` integer DEFAULT 0 NOT NULL,
	`money_agreed_fen` integer DEFAULT 0 NOT NULL,
	`money_contracted_fen` integer DEFAULT 0 NOT NULL,
	`money_paid_fen` integer DEFAULT 0 NOT NULL,
	`ballots` integer DEFAULT 0 NOT NULL,
	`proposers` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`comments` integer DEFAULT 0 NOT NULL,
	`ratings` integer DEFAULT 0 NOT NULL,
	`ratings_score_sum` integer DEFAULT 0 NOT NULL,
	`findings_open` integer DEFAULT 0 NOT NULL,
	`findings_closed` integer DEFAULT 0 NOT NULL,
	`cycles` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`community_id`, `year`)
);
--> statement-breakpoint
CREATE TABLE `stats_communities` (
	`community_id` text PRIMARY KEY NOT NULL,
	`registered` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_cycles` (
	`cycle_id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`year` integer NOT NULL,
	`meetings_closed` integer DEFAULT 0 NOT NULL,
	`adopted` integer DEFAULT 0 NOT NULL,
	`adopted_at_meeting` integer DEFAULT 0 NOT NULL,
	`adopted_by_staff` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stats_cycles_community_idx` ON `stats_cycles` (`community_id`,`year`);--> statement-breakpoint
CREATE TABLE `stats_dirty` (
	`community_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_splits` (
	`community_id` text NOT NULL,
	`year` integer NOT NULL,
	`category` text NOT NULL,
	`theme` text NOT NULL,
	`adopted` integer DEFAULT 0 NOT NULL,
	`agreed_fen` integer DEFAULT 0 NOT NULL,
	`contracted_fen` integer DEFAULT 0 NOT NULL,
	`paid_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`community_id`, `year`, `category`, `theme`)
);
--> statement-breakpoint
CREATE INDEX `stats_splits_all_idx` ON `stats_splits` (`year`,`category`,`theme`,`adopted`,`agreed_fen`,`contracted_fen`,`paid_fen`);--> statement-breakpoint
CREATE TABLE `stats_state_classes` (
	`state` text PRIMARY KEY NOT NULL,
	`class` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `projects_state_idx` ON `projects` (`state`,`community_id`,`code`);--> statement-breakpoint
CREATE INDEX `projects_state_code_idx` ON `projects` (`state`,`code`);--> statement-breakpoint
CREATE INDEX `projects_proposer_idx` ON `projects` (`proposer_account_id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_account_id`);--> statement-breakpoint
CREATE INDEX `agenda_items_adopted_idx` ON `agenda_items` (`project_id`) WHERE outcome = 'adopted';
--> statement-breakpoint
-- Keeping the statistics exact (db/stats-cells.ts). A write to a record that a
-- figure counts notes its community in stats_dirty; the same write transaction
-- recounts those communities before it commits. Two views stand for
-- procedures (SQLite has none): inserting a project id or a cycle id into them
-- notes the communities it belongs to.
CREATE VIEW stats_touch_project AS SELECT NULL AS project_id WHERE 0;
--> statement-breakpoint
CREATE TRIGGER stats_touch_project_do INSTEAD OF INSERT ON stats_touch_project
BEGIN
  INSERT OR IGNORE INTO stats_dirty (community_id)
    SELECT p.community_id FROM projects p WHERE p.id = new.project_id
    UNION SELECT cy.community_id FROM projects p JOIN cycles cy ON cy.id = p.cycle_id WHERE p.id = new.project_id;
END;
--> statement-breakpoint
CREATE VIEW stats_touch_cycle AS SELECT NULL AS cycle_id WHERE 0;
--> statement-breakpoint
CREATE TRIGGER stats_touch_cycle_do INSTEAD OF INSERT ON stats_touch_cycle
BEGIN
  INSERT OR IGNORE INTO stats_dirty (community_id) SELECT community_id FROM cycles WHERE id = new.cycle_id;
END;
--> statement-breakpoint
CREATE TRIGGER stats_communities_in AFTER INSERT ON communities BEGIN INSERT OR IGNORE INTO stats_dirty VALUES (new.id); END;
--> statement-breakpoint
CREATE TRIGGER stats_communities_out AFTER DELETE ON communities BEGIN INSERT OR IGNORE INTO stats_dirty VALUES (old.id); END;
--> statement-breakpoint
CREATE TRIGGER stats_projects_in AFTER INSERT ON projects
BEGIN
  INSERT OR IGNORE INTO stats_dirty VALUES (new.community_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_projects_out AFTER DELETE ON projects
BEGIN
  INSERT OR IGNORE INTO stats_dirty VALUES (old.community_id);
  INSERT INTO stats_touch_cycle VALUES (old.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_projects_change AFTER UPDATE OF community_id, cycle_id, estimated_cost_fen, proposer_type, proposer_account_id, category, theme ON projects
BEGIN
  INSERT OR IGNORE INTO stats_dirty VALUES (old.community_id);
  INSERT OR IGNORE INTO stats_dirty VALUES (new.community_id);
  INSERT INTO stats_touch_cycle VALUES (old.cycle_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
-- A change of state counts only when it leaves its class (stats_state_classes).
CREATE TRIGGER stats_projects_state AFTER UPDATE OF state ON projects
WHEN (SELECT class FROM stats_state_classes WHERE state = old.state) IS NOT (SELECT class FROM stats_state_classes WHERE state = new.state)
BEGIN
  INSERT OR IGNORE INTO stats_dirty VALUES (new.community_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_cycles_in AFTER INSERT ON cycles BEGIN INSERT OR IGNORE INTO stats_dirty VALUES (new.community_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_cycles_out AFTER DELETE ON cycles BEGIN INSERT OR IGNORE INTO stats_dirty VALUES (old.community_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_cycles_change AFTER UPDATE OF community_id, year, budget_fen, rulebook_id ON cycles
BEGIN
  INSERT OR IGNORE INTO stats_dirty VALUES (old.community_id);
  INSERT OR IGNORE INTO stats_dirty VALUES (new.community_id);
END;
--> statement-breakpoint
-- The phase a cycle is in counts only for its own audit findings (closed with the cycle); the clock moves phases often.
CREATE TRIGGER stats_cycles_phase AFTER UPDATE OF open_phase ON cycles
WHEN EXISTS (SELECT 1 FROM audit_findings WHERE cycle_id = new.id AND project_id IS NULL)
BEGIN
  INSERT OR IGNORE INTO stats_dirty VALUES (new.community_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_rulebooks_in AFTER INSERT ON rulebooks BEGIN INSERT OR IGNORE INTO stats_dirty SELECT community_id FROM cycles WHERE rulebook_id = new.id; END;
--> statement-breakpoint
CREATE TRIGGER stats_rulebooks_out AFTER DELETE ON rulebooks BEGIN INSERT OR IGNORE INTO stats_dirty SELECT community_id FROM cycles WHERE rulebook_id = old.id; END;
--> statement-breakpoint
CREATE TRIGGER stats_agreements_in AFTER INSERT ON agreements BEGIN INSERT INTO stats_touch_project VALUES (new.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_agreements_out AFTER DELETE ON agreements BEGIN INSERT INTO stats_touch_project VALUES (old.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_agreements_change AFTER UPDATE OF project_id, agreed_amount_fen, planned_end ON agreements
BEGIN
  INSERT INTO stats_touch_project VALUES (old.project_id);
  INSERT INTO stats_touch_project VALUES (new.project_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_acceptances_in AFTER INSERT ON acceptances BEGIN INSERT INTO stats_touch_project VALUES (new.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_acceptances_out AFTER DELETE ON acceptances BEGIN INSERT INTO stats_touch_project VALUES (old.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_acceptances_change AFTER UPDATE OF project_id, result, accepted_on ON acceptances
BEGIN
  INSERT INTO stats_touch_project VALUES (old.project_id);
  INSERT INTO stats_touch_project VALUES (new.project_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_payments_in AFTER INSERT ON payments BEGIN INSERT INTO stats_touch_project VALUES (new.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_payments_out AFTER DELETE ON payments BEGIN INSERT INTO stats_touch_project VALUES (old.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_payments_change AFTER UPDATE OF project_id, amount_fen ON payments
BEGIN
  INSERT INTO stats_touch_project VALUES (old.project_id);
  INSERT INTO stats_touch_project VALUES (new.project_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_comments_in AFTER INSERT ON comments BEGIN INSERT INTO stats_touch_project VALUES (new.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_comments_out AFTER DELETE ON comments BEGIN INSERT INTO stats_touch_project VALUES (old.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_comments_change AFTER UPDATE OF project_id, hidden_at, author_account_id ON comments
BEGIN
  INSERT INTO stats_touch_project VALUES (old.project_id);
  INSERT INTO stats_touch_project VALUES (new.project_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_ratings_in AFTER INSERT ON ratings BEGIN INSERT INTO stats_touch_project VALUES (new.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_ratings_out AFTER DELETE ON ratings BEGIN INSERT INTO stats_touch_project VALUES (old.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_ratings_change AFTER UPDATE OF project_id, score ON ratings
BEGIN
  INSERT INTO stats_touch_project VALUES (old.project_id);
  INSERT INTO stats_touch_project VALUES (new.project_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_findings_in AFTER INSERT ON audit_findings
BEGIN
  INSERT INTO stats_touch_project VALUES (new.project_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_findings_out AFTER DELETE ON audit_findings
BEGIN
  INSERT INTO stats_touch_project VALUES (old.project_id);
  INSERT INTO stats_touch_cycle VALUES (old.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_findings_change AFTER UPDATE OF project_id, cycle_id ON audit_findings
BEGIN
  INSERT INTO stats_touch_project VALUES (old.project_id);
  INSERT INTO stats_touch_project VALUES (new.project_id);
  INSERT INTO stats_touch_cycle VALUES (old.cycle_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_register_in AFTER INSERT ON register_entries BEGIN INSERT OR IGNORE INTO stats_dirty VALUES (new.community_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_register_out AFTER DELETE ON register_entries BEGIN INSERT OR IGNORE INTO stats_dirty VALUES (old.community_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_register_change AFTER UPDATE OF community_id, claimed_by_account_id ON register_entries
BEGIN
  INSERT OR IGNORE INTO stats_dirty VALUES (old.community_id);
  INSERT OR IGNORE INTO stats_dirty VALUES (new.community_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_imported_ballots_in AFTER INSERT ON imported_ballots BEGIN INSERT INTO stats_touch_cycle VALUES (new.cycle_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_imported_ballots_out AFTER DELETE ON imported_ballots BEGIN INSERT INTO stats_touch_cycle VALUES (old.cycle_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_imported_ballots_change AFTER UPDATE OF cycle_id, import_id ON imported_ballots
BEGIN
  INSERT INTO stats_touch_cycle VALUES (old.cycle_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_ballot_imports_in AFTER INSERT ON ballot_imports BEGIN INSERT INTO stats_touch_cycle VALUES (new.cycle_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_ballot_imports_out AFTER DELETE ON ballot_imports BEGIN INSERT INTO stats_touch_cycle VALUES (old.cycle_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_ballot_imports_change AFTER UPDATE OF cycle_id, status ON ballot_imports
BEGIN
  INSERT INTO stats_touch_cycle VALUES (old.cycle_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_meetings_in AFTER INSERT ON meetings BEGIN INSERT INTO stats_touch_cycle VALUES (new.cycle_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_meetings_out AFTER DELETE ON meetings BEGIN INSERT INTO stats_touch_cycle VALUES (old.cycle_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_meetings_change AFTER UPDATE OF cycle_id, status ON meetings
BEGIN
  INSERT INTO stats_touch_cycle VALUES (old.cycle_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_agenda_in AFTER INSERT ON agenda_items BEGIN INSERT INTO stats_touch_project VALUES (new.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_agenda_out AFTER DELETE ON agenda_items BEGIN INSERT INTO stats_touch_project VALUES (old.project_id); END;
--> statement-breakpoint
CREATE TRIGGER stats_agenda_change AFTER UPDATE OF project_id, outcome ON agenda_items
BEGIN
  INSERT INTO stats_touch_project VALUES (old.project_id);
  INSERT INTO stats_touch_project VALUES (new.project_id);
END;
--> statement-breakpoint
-- A ballot, the hottest write, is counted here and now instead: its cell
-- gains or loses one ballot, and one participant unless the voter takes part
-- in that community and year (and, for the community's all-years figure, in
-- any year) otherwise — by another current ballot, a proposal or a visible
-- comment (the participants of db/stats-cells.ts, checked for one person).
CREATE VIEW stats_ballot_change AS SELECT NULL AS ballot_id, NULL AS cycle_id, NULL AS register_entry_id, NULL AS sign WHERE 0;
--> statement-breakpoint
CREATE TRIGGER stats_ballot_change_do INSTEAD OF INSERT ON stats_ballot_change
BEGIN
  INSERT INTO stats_cells (community_id, year, ballots, participants)
    SELECT cy.community_id, cy.year, new.sign, new.sign * NOT (
      EXISTS (SELECT 1 FROM cycles c2 JOIN ballots b2 ON b2.cycle_id = c2.id
        WHERE c2.community_id = cy.community_id AND c2.year = cy.year AND b2.register_entry_id = new.register_entry_id AND b2.superseded_at IS NULL AND b2.id <> new.ballot_id)
      OR EXISTS (SELECT 1 FROM register_entries re JOIN projects p ON p.proposer_account_id = re.claimed_by_account_id JOIN cycles c3 ON c3.id = p.cycle_id
        WHERE re.id = new.register_entry_id AND re.community_id = cy.community_id AND p.community_id = cy.community_id AND p.state <> 'draft' AND c3.year = cy.year)
      OR EXISTS (SELECT 1 FROM register_entries re JOIN comments cm ON cm.author_account_id = re.claimed_by_account_id JOIN projects p ON p.id = cm.project_id JOIN cycles c3 ON c3.id = p.cycle_id
        WHERE re.id = new.register_entry_id AND re.community_id = cy.community_id AND p.community_id = cy.community_id AND cm.hidden_at IS NULL AND p.state <> 'draft' AND c3.year = cy.year))
    FROM cycles cy WHERE cy.id = new.cycle_id
    ON CONFLICT (community_id, year) DO UPDATE SET ballots = ballots + excluded.ballots, participants = participants + excluded.participants;
  INSERT INTO stats_communities (community_id, participants)
    SELECT cy.community_id, new.sign * NOT (
      EXISTS (SELECT 1 FROM cycles c2 JOIN ballots b2 ON b2.cycle_id = c2.id
        WHERE c2.community_id = cy.community_id AND b2.register_entry_id = new.register_entry_id AND b2.superseded_at IS NULL AND b2.id <> new.ballot_id)
      OR EXISTS (SELECT 1 FROM register_entries re JOIN projects p ON p.proposer_account_id = re.claimed_by_account_id
        WHERE re.id = new.register_entry_id AND re.community_id = cy.community_id AND p.community_id = cy.community_id AND p.state <> 'draft')
      OR EXISTS (SELECT 1 FROM register_entries re JOIN comments cm ON cm.author_account_id = re.claimed_by_account_id JOIN projects p ON p.id = cm.project_id
        WHERE re.id = new.register_entry_id AND re.community_id = cy.community_id AND p.community_id = cy.community_id AND cm.hidden_at IS NULL AND p.state <> 'draft'))
    FROM cycles cy WHERE cy.id = new.cycle_id
    ON CONFLICT (community_id) DO UPDATE SET participants = participants + excluded.participants;
END;
--> statement-breakpoint
CREATE TRIGGER stats_ballots_in AFTER INSERT ON ballots WHEN new.superseded_at IS NULL
BEGIN
  INSERT INTO stats_ballot_change VALUES (new.id, new.cycle_id, new.register_entry_id, 1);
END;
--> statement-breakpoint
CREATE TRIGGER stats_ballots_out AFTER DELETE ON ballots WHEN old.superseded_at IS NULL
BEGIN
  INSERT INTO stats_ballot_change VALUES (old.id, old.cycle_id, old.register_entry_id, -1);
END;
--> statement-breakpoint
CREATE TRIGGER stats_ballots_superseded AFTER UPDATE OF superseded_at ON ballots WHEN (old.superseded_at IS NULL) <> (new.superseded_at IS NULL)
BEGIN
  INSERT INTO stats_ballot_change VALUES (new.id, new.cycle_id, new.register_entry_id, CASE WHEN new.superseded_at IS NULL THEN 1 ELSE -1 END);
END;
--> statement-breakpoint
CREATE TRIGGER stats_ballots_moved AFTER UPDATE OF cycle_id, register_entry_id ON ballots
BEGIN
  INSERT INTO stats_touch_cycle VALUES (old.cycle_id);
  INSERT INTO stats_touch_cycle VALUES (new.cycle_id);
END;
--> statement-breakpoint
-- Existing databases: every community is counted once, by the first write
-- after the upgrade (migrateDatabase makes one at once).
INSERT OR IGNORE INTO stats_dirty (community_id) SELECT id FROM communities;
