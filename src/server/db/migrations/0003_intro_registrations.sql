CREATE TABLE "absences" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"rows" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "endings" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"end_date" date NOT NULL,
	"reason_code" text NOT NULL,
	"hours_per_week" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"kind" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"group_code" text NOT NULL,
	"measure_code" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"hours_per_week" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replacements" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"replaces_measure_ids" jsonb NOT NULL,
	"group_code" text NOT NULL,
	"measure_code" text NOT NULL,
	"hours_per_week" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parental_leave_absences" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"type_code" text NOT NULL,
	"reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "absences_person_idx" ON "absences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "absences_seq_idx" ON "absences" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "endings_person_idx" ON "endings" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "endings_seq_idx" ON "endings" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "holidays_person_idx" ON "holidays" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "holidays_seq_idx" ON "holidays" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "measures_person_idx" ON "measures" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "measures_seq_idx" ON "measures" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "replacements_person_idx" ON "replacements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "replacements_seq_idx" ON "replacements" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "parental_leave_absences_person_idx" ON "parental_leave_absences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "parental_leave_absences_seq_idx" ON "parental_leave_absences" USING btree ("seq");