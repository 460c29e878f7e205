CREATE TABLE "person_evaluations" (
	"person_id" text PRIMARY KEY NOT NULL,
	"rules_version" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_evaluations" ADD CONSTRAINT "person_evaluations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;