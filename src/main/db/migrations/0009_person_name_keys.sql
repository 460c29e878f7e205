CREATE TABLE `person_name_keys` (
	`name_row` integer PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_name_keys_person_id_unique` ON `person_name_keys` (`person_id`);--> statement-breakpoint
-- A replica indexed before this migration: one index row per person (a duplicate, if any, is dropped), then its rowid noted.
DELETE FROM `person_names` WHERE rowid NOT IN (SELECT max(rowid) FROM `person_names` GROUP BY `person_id`);
--> statement-breakpoint
INSERT INTO `person_name_keys` (`name_row`, `person_id`) SELECT rowid, `person_id` FROM `person_names`;
