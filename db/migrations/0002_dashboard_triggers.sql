-- Keeps the dashboard summary tables (0001) exact. Inserts and updates are applied once per
-- statement from transition tables, so a bulk import costs one grouped upsert per table; deletes
-- are applied per row BEFORE the row goes, while the rows they join to can still be read (a
-- cascade from an article finds its article gone and is skipped: the article's own trigger has
-- already subtracted everything below it). Every upsert is built by one of the two template
-- functions below from a "source" query with the columns it names, plus a sign (+1 or -1).

-- Covering indexes: the dashboard reads a slice over a range of weeks (or of article import
-- times) by index-only scans, without visiting the heap.
CREATE INDEX dashboard_claim_weeks_cover_idx ON dashboard_claim_weeks (dim, key, week)
  INCLUDE (reviewer, status, rating, n);
--> statement-breakpoint
CREATE INDEX dashboard_approval_weeks_cover_idx ON dashboard_approval_weeks (dim, key, week)
  INCLUDE (rating, bucket, n);
--> statement-breakpoint
CREATE INDEX dashboard_verdict_weeks_cover_idx ON dashboard_verdict_weeks (dim, key, week)
  INCLUDE (proposer, event, n);
--> statement-breakpoint
CREATE INDEX dashboard_article_counts_cover_idx ON dashboard_article_counts (dim, key, created_at)
  INCLUDE (article_id, outlet, open, in_review, pending, approved, dismissed, approved_true,
    approved_mostly_true, approved_half_true, approved_mostly_false, approved_false,
    approved_misleading, approved_unproven);
--> statement-breakpoint
CREATE FUNCTION dash_week(ts timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT date_trunc('week', ts AT TIME ZONE 'UTC')::date $$;
--> statement-breakpoint
-- Time-to-verdict bucket: the number of upper bounds (hours) the duration exceeds, so bucket 0 is
-- "at most 1 hour" and bucket 19 is "more than 4320 hours". Mirrored in lib/services/dashboard.
CREATE FUNCTION dash_bucket(hours double precision) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT (SELECT count(*) FROM unnest('{1,2,4,8,12,24,36,48,72,96,120,168,240,336,504,720,1440,2160,4320}'::float8[]) AS e(bound)
          WHERE hours > e.bound)::smallint
$$;
--> statement-breakpoint
-- Source columns: article_id, created_at, status, rating, assignee_id, kind, approved_at, outlet, sign.
CREATE FUNCTION dash_claim_upserts(src text) RETURNS text[]
LANGUAGE sql IMMUTABLE
AS $f$
SELECT ARRAY[
  format($q$
    INSERT INTO dashboard_claim_weeks AS t (dim, key, week, reviewer, status, rating, n)
    SELECT d.dim, d.key, dash_week(s.created_at), coalesce(s.assignee_id::text, ''), s.status::text,
           CASE WHEN s.status = 'approved' THEN coalesce(s.rating::text, '') ELSE '' END,
           sum(s.sign)::int
    FROM (%s) s
    CROSS JOIN LATERAL (VALUES ('all', ''), ('outlet', coalesce(s.outlet, '')),
      ('kind', s.kind::text)) AS d(dim, key)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(s.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (dim, key, week, reviewer, status, rating) DO UPDATE SET n = t.n + excluded.n
  $q$, src),
  format($q$
    INSERT INTO dashboard_approval_weeks AS t (dim, key, week, rating, bucket, n)
    SELECT d.dim, d.key, dash_week(s.approved_at), coalesce(s.rating::text, ''),
           dash_bucket(extract(epoch FROM s.approved_at - s.created_at)::float8 / 3600),
           sum(s.sign)::int
    FROM (%s) s
    CROSS JOIN LATERAL (VALUES ('all', ''), ('outlet', coalesce(s.outlet, '')),
      ('reviewer', coalesce(s.assignee_id::text, '')), ('kind', s.kind::text)) AS d(dim, key)
    WHERE s.status = 'approved' AND s.approved_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(s.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (dim, key, week, rating, bucket) DO UPDATE SET n = t.n + excluded.n
  $q$, src),
  format($q$
    INSERT INTO dashboard_article_counts AS t (article_id, dim, key, created_at, outlet,
      open, in_review, pending, approved, dismissed, approved_true, approved_mostly_true, approved_half_true, approved_mostly_false, approved_false, approved_misleading, approved_unproven)
    SELECT s.article_id, d.dim, d.key, a.created_at, coalesce(a.outlet, ''),
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'open'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'in_review'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'pending_approval'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'approved'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'dismissed'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'approved' AND s.rating = 'true'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'approved' AND s.rating = 'mostly_true'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'approved' AND s.rating = 'half_true'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'approved' AND s.rating = 'mostly_false'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'approved' AND s.rating = 'false'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'approved' AND s.rating = 'misleading'), 0)::int,
           coalesce(sum(s.sign) FILTER (WHERE s.status = 'approved' AND s.rating = 'unproven'), 0)::int
    FROM (%s) s
    JOIN articles a ON a.id = s.article_id
    CROSS JOIN LATERAL (VALUES ('all', ''), ('reviewer', coalesce(s.assignee_id::text, '')),
      ('kind', s.kind::text)) AS d(dim, key)
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3
    ON CONFLICT (article_id, dim, key) DO UPDATE SET
      open = t.open + excluded.open, in_review = t.in_review + excluded.in_review, pending = t.pending + excluded.pending, approved = t.approved + excluded.approved, dismissed = t.dismissed + excluded.dismissed, approved_true = t.approved_true + excluded.approved_true, approved_mostly_true = t.approved_mostly_true + excluded.approved_mostly_true, approved_half_true = t.approved_half_true + excluded.approved_half_true, approved_mostly_false = t.approved_mostly_false + excluded.approved_mostly_false, approved_false = t.approved_false + excluded.approved_false, approved_misleading = t.approved_misleading + excluded.approved_misleading, approved_unproven = t.approved_unproven + excluded.approved_unproven
  $q$, src)
]
$f$;
--> statement-breakpoint
-- Source columns: created_at, approved_at, returned_at, proposed_by, rating (the verdict's),
-- kind (the claim's), outlet, sign.
CREATE FUNCTION dash_verdict_upserts(src text) RETURNS text[]
LANGUAGE sql IMMUTABLE
AS $f$
SELECT ARRAY[
  format($q$
    INSERT INTO dashboard_verdict_weeks AS t (dim, key, week, proposer, event, n)
    SELECT d.dim, d.key, e.week, coalesce(s.proposed_by::text, ''), e.event, sum(s.sign)::int
    FROM (%s) s
    CROSS JOIN LATERAL (VALUES ('all', ''), ('outlet', coalesce(s.outlet, '')),
      ('kind', s.kind::text), ('rating', s.rating::text)) AS d(dim, key)
    CROSS JOIN LATERAL (
      SELECT 'proposed', dash_week(s.created_at)
      UNION ALL SELECT 'approved', dash_week(s.approved_at) WHERE s.approved_at IS NOT NULL
      UNION ALL SELECT 'returned', dash_week(s.returned_at) WHERE s.returned_at IS NOT NULL
    ) AS e(event, week)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(s.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (dim, key, week, proposer, event) DO UPDATE SET n = t.n + excluded.n
  $q$, src)
]
$f$;
--> statement-breakpoint
CREATE FUNCTION dash_claims_after_write() RETURNS trigger
LANGUAGE plpgsql
AS $f$
DECLARE
  q text;
  cols CONSTANT text := 'c.article_id, c.created_at, c.status, c.rating, c.assignee_id, c.kind, c.approved_at, a.outlet';
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOREACH q IN ARRAY dash_claim_upserts(format(
      'SELECT %s, 1 AS sign FROM new_claims c JOIN articles a ON a.id = c.article_id', cols))
    LOOP EXECUTE q; END LOOP;
  ELSE
    FOREACH q IN ARRAY dash_claim_upserts(format(
      'SELECT %1$s, -1 AS sign FROM old_claims c JOIN articles a ON a.id = c.article_id
       UNION ALL SELECT %1$s, 1 AS sign FROM new_claims c JOIN articles a ON a.id = c.article_id', cols))
    LOOP EXECUTE q; END LOOP;
    -- Verdict events are sliced by the claim's kind and outlet: move them when those change.
    FOREACH q IN ARRAY dash_verdict_upserts(
      'SELECT v.created_at, v.approved_at, v.returned_at, v.proposed_by, v.rating, c.kind, a.outlet, -1 AS sign
       FROM old_claims c JOIN new_claims n ON n.id = c.id
         AND (n.kind IS DISTINCT FROM c.kind OR n.article_id IS DISTINCT FROM c.article_id)
       JOIN verdicts v ON v.claim_id = c.id JOIN articles a ON a.id = c.article_id
       UNION ALL
       SELECT v.created_at, v.approved_at, v.returned_at, v.proposed_by, v.rating, c.kind, a.outlet, 1 AS sign
       FROM new_claims c JOIN old_claims o ON o.id = c.id
         AND (o.kind IS DISTINCT FROM c.kind OR o.article_id IS DISTINCT FROM c.article_id)
       JOIN verdicts v ON v.claim_id = c.id JOIN articles a ON a.id = c.article_id')
    LOOP EXECUTE q; END LOOP;
  END IF;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER dash_claims_insert AFTER INSERT ON claims
REFERENCING NEW TABLE AS new_claims
FOR EACH STATEMENT EXECUTE FUNCTION dash_claims_after_write();
--> statement-breakpoint
CREATE TRIGGER dash_claims_update AFTER UPDATE ON claims
REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims
FOR EACH STATEMENT EXECUTE FUNCTION dash_claims_after_write();
--> statement-breakpoint
CREATE FUNCTION dash_claims_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $f$
DECLARE q text;
BEGIN
  FOREACH q IN ARRAY dash_claim_upserts(
    'SELECT ($1).article_id, ($1).created_at, ($1).status, ($1).rating, ($1).assignee_id,
            ($1).kind, ($1).approved_at, a.outlet, -1 AS sign
     FROM articles a WHERE a.id = ($1).article_id')
  LOOP EXECUTE q USING OLD; END LOOP;
  FOREACH q IN ARRAY dash_verdict_upserts(
    'SELECT v.created_at, v.approved_at, v.returned_at, v.proposed_by, v.rating, ($1).kind, a.outlet, -1 AS sign
     FROM verdicts v JOIN articles a ON a.id = ($1).article_id WHERE v.claim_id = ($1).id')
  LOOP EXECUTE q USING OLD; END LOOP;
  RETURN OLD;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER dash_claims_delete BEFORE DELETE ON claims
FOR EACH ROW EXECUTE FUNCTION dash_claims_before_delete();
--> statement-breakpoint
CREATE FUNCTION dash_verdicts_after_write() RETURNS trigger
LANGUAGE plpgsql
AS $f$
DECLARE
  q text;
  cols CONSTANT text := 'v.created_at, v.approved_at, v.returned_at, v.proposed_by, v.rating, c.kind, a.outlet';
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOREACH q IN ARRAY dash_verdict_upserts(format(
      'SELECT %s, 1 AS sign FROM new_verdicts v JOIN claims c ON c.id = v.claim_id
       JOIN articles a ON a.id = c.article_id', cols))
    LOOP EXECUTE q; END LOOP;
  ELSE
    FOREACH q IN ARRAY dash_verdict_upserts(format(
      'SELECT %1$s, -1 AS sign FROM old_verdicts v JOIN claims c ON c.id = v.claim_id
       JOIN articles a ON a.id = c.article_id
       UNION ALL SELECT %1$s, 1 AS sign FROM new_verdicts v JOIN claims c ON c.id = v.claim_id
       JOIN articles a ON a.id = c.article_id', cols))
    LOOP EXECUTE q; END LOOP;
  END IF;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER dash_verdicts_insert AFTER INSERT ON verdicts
REFERENCING NEW TABLE AS new_verdicts
FOR EACH STATEMENT EXECUTE FUNCTION dash_verdicts_after_write();
--> statement-breakpoint
CREATE TRIGGER dash_verdicts_update AFTER UPDATE ON verdicts
REFERENCING OLD TABLE AS old_verdicts NEW TABLE AS new_verdicts
FOR EACH STATEMENT EXECUTE FUNCTION dash_verdicts_after_write();
--> statement-breakpoint
CREATE FUNCTION dash_verdicts_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $f$
DECLARE q text;
BEGIN
  FOREACH q IN ARRAY dash_verdict_upserts(
    'SELECT ($1).created_at, ($1).approved_at, ($1).returned_at, ($1).proposed_by, ($1).rating,
            c.kind, a.outlet, -1 AS sign
     FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ($1).claim_id')
  LOOP EXECUTE q USING OLD; END LOOP;
  RETURN OLD;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER dash_verdicts_delete BEFORE DELETE ON verdicts
FOR EACH ROW EXECUTE FUNCTION dash_verdicts_before_delete();
--> statement-breakpoint
CREATE FUNCTION dash_articles_after_update() RETURNS trigger
LANGUAGE plpgsql
AS $f$
DECLARE q text;
BEGIN
  -- Only a change of outlet moves anything.
  FOREACH q IN ARRAY dash_claim_upserts(
    'SELECT c.article_id, c.created_at, c.status, c.rating, c.assignee_id, c.kind, c.approved_at, o.outlet, -1 AS sign
     FROM old_articles o JOIN new_articles n ON n.id = o.id AND n.outlet IS DISTINCT FROM o.outlet
     JOIN claims c ON c.article_id = o.id
     UNION ALL
     SELECT c.article_id, c.created_at, c.status, c.rating, c.assignee_id, c.kind, c.approved_at, n.outlet, 1 AS sign
     FROM old_articles o JOIN new_articles n ON n.id = o.id AND n.outlet IS DISTINCT FROM o.outlet
     JOIN claims c ON c.article_id = n.id')
  LOOP EXECUTE q; END LOOP;
  FOREACH q IN ARRAY dash_verdict_upserts(
    'SELECT v.created_at, v.approved_at, v.returned_at, v.proposed_by, v.rating, c.kind, o.outlet, -1 AS sign
     FROM old_articles o JOIN new_articles n ON n.id = o.id AND n.outlet IS DISTINCT FROM o.outlet
     JOIN claims c ON c.article_id = o.id JOIN verdicts v ON v.claim_id = c.id
     UNION ALL
     SELECT v.created_at, v.approved_at, v.returned_at, v.proposed_by, v.rating, c.kind, n.outlet, 1 AS sign
     FROM old_articles o JOIN new_articles n ON n.id = o.id AND n.outlet IS DISTINCT FROM o.outlet
     JOIN claims c ON c.article_id = n.id JOIN verdicts v ON v.claim_id = c.id')
  LOOP EXECUTE q; END LOOP;
  UPDATE dashboard_article_counts r SET outlet = coalesce(n.outlet, '')
  FROM old_articles o JOIN new_articles n ON n.id = o.id AND n.outlet IS DISTINCT FROM o.outlet
  WHERE r.article_id = n.id;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER dash_articles_update AFTER UPDATE ON articles
REFERENCING OLD TABLE AS old_articles NEW TABLE AS new_articles
FOR EACH STATEMENT EXECUTE FUNCTION dash_articles_after_update();
--> statement-breakpoint
CREATE FUNCTION dash_articles_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $f$
DECLARE q text;
BEGIN
  FOREACH q IN ARRAY dash_claim_upserts(
    'SELECT c.article_id, c.created_at, c.status, c.rating, c.assignee_id, c.kind, c.approved_at,
            ($1).outlet, -1 AS sign
     FROM claims c WHERE c.article_id = ($1).id')
  LOOP EXECUTE q USING OLD; END LOOP;
  FOREACH q IN ARRAY dash_verdict_upserts(
    'SELECT v.created_at, v.approved_at, v.returned_at, v.proposed_by, v.rating, c.kind, ($1).outlet, -1 AS sign
     FROM claims c JOIN verdicts v ON v.claim_id = c.id WHERE c.article_id = ($1).id')
  LOOP EXECUTE q USING OLD; END LOOP;
  RETURN OLD;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER dash_articles_delete BEFORE DELETE ON articles
FOR EACH ROW EXECUTE FUNCTION dash_articles_before_delete();
--> statement-breakpoint
CREATE FUNCTION dash_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $f$
BEGIN
  IF TG_TABLE_NAME IN ('articles', 'claims') THEN
    DELETE FROM dashboard_claim_weeks;
    DELETE FROM dashboard_approval_weeks;
    DELETE FROM dashboard_article_counts;
  END IF;
  DELETE FROM dashboard_verdict_weeks;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER dash_articles_truncate AFTER TRUNCATE ON articles
FOR EACH STATEMENT EXECUTE FUNCTION dash_truncate();
--> statement-breakpoint
CREATE TRIGGER dash_claims_truncate AFTER TRUNCATE ON claims
FOR EACH STATEMENT EXECUTE FUNCTION dash_truncate();
--> statement-breakpoint
CREATE TRIGGER dash_verdicts_truncate AFTER TRUNCATE ON verdicts
FOR EACH STATEMENT EXECUTE FUNCTION dash_truncate();
--> statement-breakpoint
-- Recomputes every summary from the base tables: for bulk loads made with the triggers disabled
-- (db/synthetic.ts) and for tests that compare the triggers' work with a fresh count.
CREATE FUNCTION dash_rebuild() RETURNS void
LANGUAGE plpgsql
AS $f$
DECLARE q text;
BEGIN
  DELETE FROM dashboard_claim_weeks;
  DELETE FROM dashboard_approval_weeks;
  DELETE FROM dashboard_article_counts;
  DELETE FROM dashboard_verdict_weeks;
  FOREACH q IN ARRAY dash_claim_upserts(
    'SELECT c.article_id, c.created_at, c.status, c.rating, c.assignee_id, c.kind, c.approved_at, a.outlet, 1 AS sign
     FROM claims c JOIN articles a ON a.id = c.article_id')
  LOOP EXECUTE q; END LOOP;
  FOREACH q IN ARRAY dash_verdict_upserts(
    'SELECT v.created_at, v.approved_at, v.returned_at, v.proposed_by, v.rating, c.kind, a.outlet, 1 AS sign
     FROM verdicts v JOIN claims c ON c.id = v.claim_id JOIN articles a ON a.id = c.article_id')
  LOOP EXECUTE q; END LOOP;
END
$f$;
