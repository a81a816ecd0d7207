-- Search over articles and sources (issue 19, line 4), beside claims.search (0008). Like that one,
-- these columns are kept out of the Drizzle schema on purpose: they are derived by the database, no
-- service ever writes them, and a `select()` of articles or sources should not carry them to every
-- page. The search service reads them with raw SQL (lib/services/search/).
--
-- articles.search: the title weighs A, outlet and author B, and the opening of the text D. Only the
-- first 4,000 characters of the text: an article may be 2 MB, more than a tsvector holds (1 MB),
-- and its lede says what it is about; matching its full text is the job of the claims.
ALTER TABLE "articles" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "title"), 'A')
  || setweight(to_tsvector('english'::regconfig, coalesce("outlet", '') || ' ' || coalesce("author", '')), 'B')
  || setweight(to_tsvector('english'::regconfig, left("body", 4000)), 'D')
) STORED;--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search");--> statement-breakpoint

-- sources.search: the title weighs A, the publisher B, the excerpt (at most 5,000 characters, the
-- form's limit) C, and the address D (the parser splits it into host and path words).
ALTER TABLE "sources" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "title"), 'A')
  || setweight(to_tsvector('english'::regconfig, coalesce("publisher", '')), 'B')
  || setweight(to_tsvector('english'::regconfig, coalesce("excerpt", '')), 'C')
  || setweight(to_tsvector('english'::regconfig, "url"), 'D')
) STORED;--> statement-breakpoint
CREATE INDEX "sources_search_idx" ON "sources" USING gin ("search");--> statement-breakpoint

-- A search that matches many sources ranks only the newest matches (as for claims and articles,
-- which have this index already): it walks this order instead of sorting every match.
CREATE INDEX "sources_created_at_id_idx" ON "sources" USING btree ("created_at", "id");
