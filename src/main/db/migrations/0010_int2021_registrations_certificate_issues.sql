CREATE TABLE `int2021_registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`recorded_at` text,
	`fact` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `int2021_registrations_person_idx` ON `int2021_registrations` (`person_id`);--> statement-breakpoint
CREATE TABLE `certificate_issues` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`scheme` text NOT NULL,
	`lang` text NOT NULL,
	`content_version` text NOT NULL,
	`issued_on` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` text NOT NULL,
	`issuer_name` text,
	`pending_count` integer NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `certificate_issues_person_idx` ON `certificate_issues` (`person_id`);--> statement-breakpoint
ALTER TABLE `decisions` ADD `duration_months` integer;--> statement-breakpoint
ALTER TABLE `decisions` ADD `extension_months` integer;