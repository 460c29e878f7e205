CREATE TABLE "asylnorsk_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asylnorsk_participation" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"iso_year" integer NOT NULL,
	"iso_week" integer NOT NULL,
	"kind" text NOT NULL,
	"hours" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"scheme" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"scheme" text NOT NULL,
	"date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"scheme" text NOT NULL,
	"type" text NOT NULL,
	"result" text NOT NULL,
	"decision_date" date NOT NULL,
	"start_date" date,
	"end_date" date,
	"hours" double precision,
	"reason_code" text,
	"reason_text" text,
	"leave_type" text,
	"leave_unit" text,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "weekly_participation" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"iso_year" integer NOT NULL,
	"iso_week" integer NOT NULL,
	"norsk_hours" double precision NOT NULL,
	"samfunn_hours" double precision NOT NULL,
	"absence_hours" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "language_tracks" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"date" date NOT NULL,
	"mother_tongue" text NOT NULL,
	"language1" text NOT NULL,
	"language2" text,
	"track" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "asylnorsk_offers_municipality_idx" ON "asylnorsk_offers" USING btree ("municipality","year");--> statement-breakpoint
CREATE INDEX "asylnorsk_offers_seq_idx" ON "asylnorsk_offers" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "asylnorsk_participation_person_idx" ON "asylnorsk_participation" USING btree ("person_id","iso_year","iso_week");--> statement-breakpoint
CREATE INDEX "asylnorsk_participation_seq_idx" ON "asylnorsk_participation" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "claims_person_idx" ON "claims" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "claims_seq_idx" ON "claims" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "contacts_person_idx" ON "contacts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "contacts_seq_idx" ON "contacts" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "decisions_person_idx" ON "decisions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "decisions_seq_idx" ON "decisions" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "weekly_participation_person_idx" ON "weekly_participation" USING btree ("person_id","iso_year","iso_week");--> statement-breakpoint
CREATE INDEX "weekly_participation_seq_idx" ON "weekly_participation" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "language_tracks_person_idx" ON "language_tracks" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "language_tracks_seq_idx" ON "language_tracks" USING btree ("seq");