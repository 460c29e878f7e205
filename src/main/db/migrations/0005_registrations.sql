CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`scheme` text NOT NULL,
	`date` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_person_idx` ON `contacts` (`person_id`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`scheme` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `claims_person_idx` ON `claims` (`person_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`scheme` text NOT NULL,
	`type` text NOT NULL,
	`result` text NOT NULL,
	`decision_date` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`hours` real,
	`reason_code` text,
	`reason_text` text,
	`leave_type` text,
	`leave_unit` text,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `decisions_person_idx` ON `decisions` (`person_id`);--> statement-breakpoint
CREATE TABLE `weekly_participation` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`iso_year` integer NOT NULL,
	`iso_week` integer NOT NULL,
	`norsk_hours` real NOT NULL,
	`samfunn_hours` real NOT NULL,
	`absence_hours` real NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `weekly_participation_person_idx` ON `weekly_participation` (`person_id`,`iso_year`,`iso_week`);--> statement-breakpoint
CREATE TABLE `language_tracks` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`mother_tongue` text NOT NULL,
	`language1` text NOT NULL,
	`language2` text,
	`track` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `language_tracks_person_idx` ON `language_tracks` (`person_id`);--> statement-breakpoint
CREATE TABLE `asylnorsk_participation` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`iso_year` integer NOT NULL,
	`iso_week` integer NOT NULL,
	`kind` text NOT NULL,
	`hours` real NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `asylnorsk_participation_person_idx` ON `asylnorsk_participation` (`person_id`,`iso_year`,`iso_week`);--> statement-breakpoint
CREATE TABLE `asylnorsk_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `asylnorsk_offers_municipality_idx` ON `asylnorsk_offers` (`municipality`,`year`);