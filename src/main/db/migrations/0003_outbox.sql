CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`command` text NOT NULL,
	`payload` text NOT NULL,
	`contract_version` integer NOT NULL,
	`rules_version` text NOT NULL,
	`natural_key` text,
	`entity_refs` text DEFAULT '[]' NOT NULL,
	`base_versions` text DEFAULT '{}' NOT NULL,
	`depends_on` text,
	`recorded_at` text NOT NULL,
	`recorded_at_server_estimate` text NOT NULL,
	`user_id` text NOT NULL,
	`person_id` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error_kind` text,
	`last_response` text,
	`reasons` text,
	`decided_at` text,
	`resolution` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_seq_idx` ON `outbox` (`seq`);--> statement-breakpoint
CREATE INDEX `outbox_state_idx` ON `outbox` (`state`,`seq`);--> statement-breakpoint
CREATE INDEX `outbox_person_idx` ON `outbox` (`person_id`);--> statement-breakpoint
ALTER TABLE `sync_state` ADD `pending_scope_exits` text;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `scope_exits_allowed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `next_outbox_seq` integer DEFAULT 1 NOT NULL;