CREATE TABLE "push_devices" (
	"device_id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"last_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutations" (
	"id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"user_id" text NOT NULL,
	"command" text NOT NULL,
	"verdict" text NOT NULL,
	"response" jsonb NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "mutations_device_seq_idx" ON "mutations" USING btree ("device_id","seq");--> statement-breakpoint
CREATE INDEX "mutations_user_idx" ON "mutations" USING btree ("user_id");