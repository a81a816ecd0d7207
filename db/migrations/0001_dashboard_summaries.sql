CREATE TABLE "dashboard_approval_weeks" (
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"week" date NOT NULL,
	"rating" text NOT NULL,
	"bucket" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dashboard_approval_weeks_dim_key_week_rating_bucket_pk" PRIMARY KEY("dim","key","week","rating","bucket")
);
--> statement-breakpoint
CREATE TABLE "dashboard_article_counts" (
	"article_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"outlet" text NOT NULL,
	"open" integer NOT NULL,
	"in_review" integer NOT NULL,
	"pending" integer NOT NULL,
	"approved" integer NOT NULL,
	"dismissed" integer NOT NULL,
	"approved_true" integer NOT NULL,
	"approved_mostly_true" integer NOT NULL,
	"approved_half_true" integer NOT NULL,
	"approved_mostly_false" integer NOT NULL,
	"approved_false" integer NOT NULL,
	"approved_misleading" integer NOT NULL,
	"approved_unproven" integer NOT NULL,
	CONSTRAINT "dashboard_article_counts_article_id_dim_key_pk" PRIMARY KEY("article_id","dim","key")
);
--> statement-breakpoint
CREATE TABLE "dashboard_claim_weeks" (
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"week" date NOT NULL,
	"reviewer" text NOT NULL,
	"status" text NOT NULL,
	"rating" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dashboard_claim_weeks_dim_key_week_reviewer_status_rating_pk" PRIMARY KEY("dim","key","week","reviewer","status","rating")
);
--> statement-breakpoint
CREATE TABLE "dashboard_verdict_weeks" (
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"week" date NOT NULL,
	"proposer" text NOT NULL,
	"event" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dashboard_verdict_weeks_dim_key_week_proposer_event_pk" PRIMARY KEY("dim","key","week","proposer","event")
);
--> statement-breakpoint
ALTER TABLE "dashboard_article_counts" ADD CONSTRAINT "dashboard_article_counts_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_created_at_id_idx" ON "claims" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "claims_score_id_idx" ON "claims" USING btree ("score","id");--> statement-breakpoint
CREATE INDEX "claims_unfinished_created_at_idx" ON "claims" USING btree ("created_at","id") WHERE "claims"."status" in ('open', 'in_review', 'pending_approval');--> statement-breakpoint
CREATE INDEX "claims_approved_at_idx" ON "claims" USING btree ("approved_at","id") WHERE "claims"."status" = 'approved';