CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`details` text NOT NULL
);
