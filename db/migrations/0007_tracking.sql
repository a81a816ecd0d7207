CREATE TYPE "public"."match_state" AS ENUM('suggested', 'same', 'not_same');--> statement-breakpoint
CREATE TABLE "claim_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb DEFAULT '{"sharedTerms":[],"agreeingValues":[],"sameSpeaker":null}'::jsonb NOT NULL,
	"state" "match_state" DEFAULT 'suggested' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracked_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canonical_text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "recheck_on" date;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "recheck_reason" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "tracked_claim_id" uuid;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "reused_from_id" uuid;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "reused_from_id" uuid;--> statement-breakpoint
ALTER TABLE "claim_matches" ADD CONSTRAINT "claim_matches_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_matches" ADD CONSTRAINT "claim_matches_match_id_claims_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_matches" ADD CONSTRAINT "claim_matches_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_claims" ADD CONSTRAINT "tracked_claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claim_matches_pair_key" ON "claim_matches" USING btree ("claim_id","match_id");--> statement-breakpoint
CREATE INDEX "claim_matches_match_id_idx" ON "claim_matches" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "claim_matches_claim_id_score_idx" ON "claim_matches" USING btree ("claim_id","score");--> statement-breakpoint
CREATE INDEX "tracked_claims_created_at_idx" ON "tracked_claims" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_tracked_claim_id_tracked_claims_id_fk" FOREIGN KEY ("tracked_claim_id") REFERENCES "public"."tracked_claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_reused_from_id_sources_id_fk" FOREIGN KEY ("reused_from_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reused_from_id_verdicts_id_fk" FOREIGN KEY ("reused_from_id") REFERENCES "public"."verdicts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_recheck_on_idx" ON "claims" USING btree ("recheck_on","id") WHERE "claims"."recheck_on" is not null;--> statement-breakpoint
CREATE INDEX "claims_tracked_claim_id_idx" ON "claims" USING btree ("tracked_claim_id");