CREATE TABLE "moved_rows" (
	"id" serial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"entity" text NOT NULL,
	"row_id" text NOT NULL,
	"from_person_id" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "moved_rows_seq_idx" ON "moved_rows" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "moved_rows_from_person_idx" ON "moved_rows" USING btree ("from_person_id");