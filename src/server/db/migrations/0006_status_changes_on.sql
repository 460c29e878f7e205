ALTER TABLE "person_evaluations" ADD COLUMN "status_changes_on" date;--> statement-breakpoint
CREATE INDEX "person_evaluations_status_changes_on_idx" ON "person_evaluations" USING btree ("status_changes_on");--> statement-breakpoint
-- Rows stored before this column, of persons with a decision or an ending (the only dates a
-- status turns on, statusChangesOn), are due the day after they were evaluated: the first
-- sweep (at the register's start or a read) re-evaluates each once and stores its real next
-- change. Everyone else has no such date: null, as the rules would give.
UPDATE "person_evaluations" SET "status_changes_on" = "evaluated_on" + 1
WHERE "person_id" IN (SELECT "person_id" FROM "decisions" UNION SELECT "person_id" FROM "endings");
