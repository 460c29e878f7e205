CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`duf` text NOT NULL,
	`duf_check_failed` integer NOT NULL,
	`national_id` text,
	`reg_number` text,
	`first_name` text NOT NULL,
	`middle_name` text,
	`last_name` text NOT NULL,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`closed` integer NOT NULL,
	`arrival_date` text,
	`follow_up_municipality` text NOT NULL,
	`follow_up_district` text,
	`follow_up_by_agreement` integer NOT NULL,
	`reception_centre` text,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL,
	`cached_read_only` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `persons_duf_idx` ON `persons` (`duf`);--> statement-breakpoint
CREATE INDEX `persons_national_id_idx` ON `persons` (`national_id`);--> statement-breakpoint
CREATE INDEX `persons_reg_number_idx` ON `persons` (`reg_number`);--> statement-breakpoint
CREATE INDEX `persons_birth_date_idx` ON `persons` (`birth_date`);--> statement-breakpoint
CREATE INDEX `persons_municipality_idx` ON `persons` (`follow_up_municipality`);--> statement-breakpoint
CREATE TABLE `permits` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`ground_code` text NOT NULL,
	`permit_type` text NOT NULL,
	`legal_basis` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`granted_date` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `permits_person_idx` ON `permits` (`person_id`);--> statement-breakpoint
CREATE TABLE `addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`source` text NOT NULL,
	`street` text NOT NULL,
	`postal_code` text NOT NULL,
	`postal_place` text NOT NULL,
	`municipality` text NOT NULL,
	`district` text,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `addresses_person_idx` ON `addresses` (`person_id`);--> statement-breakpoint
CREATE TABLE `citizenships` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`country` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `citizenships_person_idx` ON `citizenships` (`person_id`);--> statement-breakpoint
CREATE TABLE `settlements` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`municipality` text NOT NULL,
	`by_agreement` integer NOT NULL,
	`family_reunification` integer NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `settlements_person_idx` ON `settlements` (`person_id`);--> statement-breakpoint
CREATE TABLE `test_results` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`part` text NOT NULL,
	`level` text NOT NULL,
	`test_date` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `test_results_person_idx` ON `test_results` (`person_id`);--> statement-breakpoint
CREATE TABLE `grants` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`municipality` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_nok` integer NOT NULL,
	`paid_date` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `grants_person_idx` ON `grants` (`person_id`);--> statement-breakpoint
CREATE TABLE `code_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`list` text NOT NULL,
	`code` text NOT NULL,
	`name_nb` text NOT NULL,
	`name_nn` text NOT NULL,
	`data` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`sort_order` integer NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `code_lists_list_idx` ON `code_lists` (`list`,`sort_order`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `districts` (
	`code` text PRIMARY KEY NOT NULL,
	`municipality` text NOT NULL,
	`name` text NOT NULL,
	`server_version` integer,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `person_list` (
	`person_id` text PRIMARY KEY NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`cursor_epoch` text DEFAULT '' NOT NULL,
	`cursor_seq` integer DEFAULT 0 NOT NULL,
	`last_sync_at` text,
	`server_offset_ms` integer DEFAULT 0 NOT NULL,
	`device_id` text NOT NULL,
	`first_sync_complete` integer DEFAULT false NOT NULL,
	`offline_since` text
);
--> statement-breakpoint
CREATE TABLE `session_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`user` text NOT NULL,
	`server_url` text NOT NULL,
	`logged_in_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_reads` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`read_at` text NOT NULL
);
