-- Matching and search (issue 19). Kept out of the Drizzle schema on purpose: the search document is
-- derived by the database, and a `select()` of claims should not carry it to every page.
--
-- claims.search: the claim's search document. Text weighs A, the speaker B, the extracted values C
-- (their strings and numbers, not their keys). The 'english' configuration stems and drops stop
-- words; both engines (PostgreSQL 15 and PGlite) have it, and no extension is needed.
ALTER TABLE "claims" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "text"), 'A')
  || setweight(to_tsvector('english'::regconfig, coalesce("speaker", '')), 'B')
  || setweight(jsonb_to_tsvector('english'::regconfig, "values", '["string", "numeric"]'::jsonb), 'C')
) STORED;--> statement-breakpoint
CREATE INDEX "claims_search_idx" ON "claims" USING gin ("search");--> statement-breakpoint

-- Document frequencies for BM25: how many claims hold each lexeme, and the corpus size and total
-- length (in lexemes). Kept current by the statement-level triggers below, in the transaction that
-- writes the claims, so a ranking never sees a claim without its counts.
CREATE TABLE "claim_terms" (
  "term" text PRIMARY KEY,
  "df" integer NOT NULL
);--> statement-breakpoint
CREATE TABLE "claim_search_stats" (
  "id" smallint PRIMARY KEY CHECK ("id" = 1),
  "docs" bigint NOT NULL,
  "lexemes" bigint NOT NULL
);--> statement-breakpoint

-- Adds (sign 1) or removes (sign -1) the counts of some search documents. One statement per call,
-- its terms in order, so two writers meet the same rows in the same order.
CREATE FUNCTION claim_terms_change(vectors tsvector[], sign integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO claim_terms AS t (term, df)
  SELECT lexeme, sign * count(*)::integer
  FROM unnest(vectors) AS v(doc), unnest(tsvector_to_array(v.doc)) AS lexeme
  GROUP BY lexeme
  ORDER BY lexeme
  ON CONFLICT (term) DO UPDATE SET df = t.df + excluded.df;
  UPDATE claim_search_stats
  SET docs = docs + sign * cardinality(vectors),
      lexemes = lexemes + sign * (SELECT coalesce(sum(length(doc)), 0) FROM unnest(vectors) AS v(doc))
  WHERE id = 1;
$$;--> statement-breakpoint

-- Recounts everything from the claims: after a bulk load made with the triggers disabled
-- (db:synthetic), or a TRUNCATE.
CREATE FUNCTION claim_terms_rebuild() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM claim_terms;
  INSERT INTO claim_terms (term, df)
  SELECT lexeme, count(*)::integer FROM claims, unnest(tsvector_to_array(search)) AS lexeme
  GROUP BY lexeme;
  INSERT INTO claim_search_stats (id, docs, lexemes) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING;
  UPDATE claim_search_stats
  SET docs = (SELECT count(*) FROM claims),
      lexemes = (SELECT coalesce(sum(length(search)), 0) FROM claims)
  WHERE id = 1;
$$;--> statement-breakpoint

-- The counts' writers take one transaction-level lock first: every writer of counts then waits
-- for the one before it to commit, and none can deadlock with another over the term rows.
CREATE FUNCTION claim_terms_after_write() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  gone tsvector[];
  came tsvector[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    came := array(SELECT search FROM added);
  ELSIF TG_OP = 'DELETE' THEN
    gone := array(SELECT search FROM removed);
  ELSE
    gone := array(
      SELECT r.search FROM removed r JOIN added a ON a.id = r.id
      WHERE r.search IS DISTINCT FROM a.search
    );
    IF cardinality(gone) = 0 THEN
      RETURN NULL;
    END IF;
    came := array(
      SELECT a.search FROM removed r JOIN added a ON a.id = r.id
      WHERE r.search IS DISTINCT FROM a.search
    );
  END IF;
  IF coalesce(cardinality(gone), 0) + coalesce(cardinality(came), 0) = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('claimtrack.claim_terms'));
  IF cardinality(gone) > 0 THEN
    PERFORM claim_terms_change(gone, -1);
  END IF;
  IF cardinality(came) > 0 THEN
    PERFORM claim_terms_change(came, 1);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER claim_terms_insert AFTER INSERT ON claims
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION claim_terms_after_write();--> statement-breakpoint
CREATE TRIGGER claim_terms_update AFTER UPDATE ON claims
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION claim_terms_after_write();--> statement-breakpoint
CREATE TRIGGER claim_terms_delete AFTER DELETE ON claims
  REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION claim_terms_after_write();--> statement-breakpoint
CREATE FUNCTION claim_terms_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claim_terms_rebuild();
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER claim_terms_truncate AFTER TRUNCATE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION claim_terms_after_truncate();--> statement-breakpoint
SELECT claim_terms_rebuild();
