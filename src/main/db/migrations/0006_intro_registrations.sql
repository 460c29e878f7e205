CREATE TABLE `measures` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`group_code` text NOT NULL,
	`measure_code` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`hours_per_week` real NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `measures_person_idx` ON `measures` (`person_id`);--> statement-breakpoint
CREATE TABLE `replacements` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`replaces_measure_ids` text NOT NULL,
	`group_code` text NOT NULL,
	`measure_code` text NOT NULL,
	`hours_per_week` real NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `replacements_person_idx` ON `replacements` (`person_id`);--> statement-breakpoint
CREATE TABLE `absences` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`rows` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `absences_person_idx` ON `absences` (`person_id`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`kind` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `holidays_person_idx` ON `holidays` (`person_id`);--> statement-breakpoint
CREATE TABLE `parental_leave_absences` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`type_code` text NOT NULL,
	`reason` text,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `parental_leave_absences_person_idx` ON `parental_leave_absences` (`person_id`);--> statement-breakpoint
CREATE TABLE `endings` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`end_date` text NOT NULL,
	`reason_code` text NOT NULL,
	`hours_per_week` real,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `endings_person_idx` ON `endings` (`person_id`);