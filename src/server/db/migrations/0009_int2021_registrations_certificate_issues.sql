CREATE TABLE "certificate_issues" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"scheme" text NOT NULL,
	"lang" text NOT NULL,
	"content_version" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" text NOT NULL,
	"issued_by" text NOT NULL,
	"issuer_name" text,
	"pending_count" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "int2021_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"date" date NOT NULL,
	"recorded_at" text,
	"fact" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "duration_months" integer;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "extension_months" integer;--> statement-breakpoint
CREATE INDEX "certificate_issues_person_idx" ON "certificate_issues" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "certificate_issues_seq_idx" ON "certificate_issues" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "int2021_registrations_person_idx" ON "int2021_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "int2021_registrations_seq_idx" ON "int2021_registrations" USING btree ("seq");