CREATE SEQUENCE "public"."change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "addresses" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"source" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"postal_place" text NOT NULL,
	"municipality" text NOT NULL,
	"district" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"time" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" text,
	"username" text NOT NULL,
	"device_id" text,
	"action" text NOT NULL,
	"person_id" text,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizenships" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"country" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"list" text NOT NULL,
	"code" text NOT NULL,
	"name_nb" text NOT NULL,
	"name_nn" text NOT NULL,
	"data" jsonb NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"sort_order" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"code" text PRIMARY KEY NOT NULL,
	"municipality" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"municipality" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_nok" integer NOT NULL,
	"paid_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"time" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"sha256" text NOT NULL,
	"lines" integer NOT NULL,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_meta" (
	"id" integer PRIMARY KEY NOT NULL,
	"epoch" text NOT NULL,
	"token_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"municipality" text NOT NULL,
	"district" text,
	"roles" text[] NOT NULL,
	"central_admin" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" text PRIMARY KEY NOT NULL,
	"duf" text NOT NULL,
	"duf_check_failed" boolean NOT NULL,
	"national_id" text,
	"reg_number" text,
	"first_name" text NOT NULL,
	"middle_name" text,
	"last_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"closed" boolean NOT NULL,
	"arrival_date" date,
	"follow_up_municipality" text NOT NULL,
	"follow_up_district" text,
	"follow_up_by_agreement" boolean NOT NULL,
	"reception_centre" text,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permits" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"ground_code" text NOT NULL,
	"permit_type" text NOT NULL,
	"legal_basis" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"granted_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"date" date NOT NULL,
	"municipality" text NOT NULL,
	"by_agreement" boolean NOT NULL,
	"family_reunification" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_results" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"part" text NOT NULL,
	"level" text NOT NULL,
	"test_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scope_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"person_id" text NOT NULL,
	"municipality" text NOT NULL,
	"district" text,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "addresses_person_idx" ON "addresses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "addresses_seq_idx" ON "addresses" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_person_idx" ON "audit_log" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "citizenships_person_idx" ON "citizenships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "citizenships_seq_idx" ON "citizenships" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "code_lists_seq_idx" ON "code_lists" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "districts_seq_idx" ON "districts" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "grants_person_idx" ON "grants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "grants_seq_idx" ON "grants" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "municipalities_seq_idx" ON "municipalities" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "persons_duf_idx" ON "persons" USING btree ("duf");--> statement-breakpoint
CREATE INDEX "persons_scope_idx" ON "persons" USING btree ("follow_up_municipality","follow_up_district");--> statement-breakpoint
CREATE INDEX "persons_seq_idx" ON "persons" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "permits_person_idx" ON "permits" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "permits_seq_idx" ON "permits" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "settlements_person_idx" ON "settlements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "settlements_seq_idx" ON "settlements" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "test_results_person_idx" ON "test_results" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "test_results_seq_idx" ON "test_results" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "scope_events_scope_idx" ON "scope_events" USING btree ("municipality","seq");