ALTER TABLE `person_name_keys` ADD `municipality` text;--> statement-breakpoint
ALTER TABLE `person_name_keys` ADD `in_scope` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `person_name_keys` ADD `first_name` text;--> statement-breakpoint
ALTER TABLE `person_name_keys` ADD `middle_name` text;--> statement-breakpoint
ALTER TABLE `person_name_keys` ADD `last_name` text;--> statement-breakpoint
ALTER TABLE `person_name_keys` ADD `birth_date` text;--> statement-breakpoint
-- Issue 12.5: the name index row carries what a name search filters and sorts by; these triggers keep it equal to the person whichever path writes `persons`.
CREATE TRIGGER `person_name_keys_after_person_insert` AFTER INSERT ON `persons` BEGIN
  UPDATE `person_name_keys` SET `municipality` = NEW.`follow_up_municipality`, `in_scope` = (NEW.`deleted` = 0 AND NEW.`cached_read_only` = 0), `first_name` = NEW.`first_name`, `middle_name` = NEW.`middle_name`, `last_name` = NEW.`last_name`, `birth_date` = NEW.`birth_date` WHERE `person_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `person_name_keys_after_person_update` AFTER UPDATE OF `follow_up_municipality`, `deleted`, `cached_read_only`, `first_name`, `middle_name`, `last_name`, `birth_date` ON `persons` BEGIN
  UPDATE `person_name_keys` SET `municipality` = NEW.`follow_up_municipality`, `in_scope` = (NEW.`deleted` = 0 AND NEW.`cached_read_only` = 0), `first_name` = NEW.`first_name`, `middle_name` = NEW.`middle_name`, `last_name` = NEW.`last_name`, `birth_date` = NEW.`birth_date` WHERE `person_id` = NEW.`id`;
END;
--> statement-breakpoint
-- A replica indexed before this migration: copy the columns of every indexed person.
UPDATE `person_name_keys` SET (`municipality`, `in_scope`, `first_name`, `middle_name`, `last_name`, `birth_date`) = (SELECT p.`follow_up_municipality`, (p.`deleted` = 0 AND p.`cached_read_only` = 0), p.`first_name`, p.`middle_name`, p.`last_name`, p.`birth_date` FROM `persons` p WHERE p.`id` = `person_name_keys`.`person_id`) WHERE EXISTS (SELECT 1 FROM `persons` p WHERE p.`id` = `person_name_keys`.`person_id`);
