ALTER TABLE "person_evaluations" ADD COLUMN "status_changes_on" date;--> statement-breakpoint
CREATE INDEX "person_evaluations_status_changes_on_idx" ON "person_evaluations" USING btree ("status_changes_on");--> statement-breakpoint
-- Rows stored before this column are due the day after they were evaluated: the first sweep
-- (at the register's start or a read) re-evaluates each once and stores its real next change.
UPDATE "person_evaluations" SET "status_changes_on" = "evaluated_on" + 1;
