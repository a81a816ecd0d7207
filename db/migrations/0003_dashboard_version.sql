-- A version number for everything the dashboard reads (claims, verdicts, articles, users), so a
-- server can reuse a dashboard it computed until any of that changes. Every transaction that
-- changes those tables raises the number once, at commit: a deferred constraint trigger runs after
-- all of the transaction's other work, so it takes the version row's lock last (no deadlock with
-- the claim locks the workflow holds) and the new number becomes visible in the same instant as
-- the change. A reader that sees the same version before and after its queries therefore read one
-- state of the data (lib/services/dashboard/cache.ts).
CREATE TABLE dashboard_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO dashboard_state (id, version) VALUES (true, 1);
--> statement-breakpoint
CREATE FUNCTION dash_bump_version() RETURNS trigger
LANGUAGE plpgsql
AS $f$
BEGIN
  -- Once per transaction, however many rows it changed.
  IF current_setting('claimtrack.dash_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('claimtrack.dash_bumped', txid_current()::text, true);
    UPDATE dashboard_state SET version = version + 1;
  END IF;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER zz_dash_version_claims AFTER INSERT OR UPDATE OR DELETE ON claims
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dash_bump_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER zz_dash_version_verdicts AFTER INSERT OR UPDATE OR DELETE ON verdicts
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dash_bump_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER zz_dash_version_articles AFTER INSERT OR UPDATE OR DELETE ON articles
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dash_bump_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER zz_dash_version_users AFTER INSERT OR UPDATE OR DELETE ON users
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dash_bump_version();
--> statement-breakpoint
-- TRUNCATE (tests, resets) cannot fire a constraint trigger; it bumps at once.
CREATE FUNCTION dash_bump_version_now() RETURNS trigger
LANGUAGE plpgsql
AS $f$
BEGIN
  UPDATE dashboard_state SET version = version + 1;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER dash_version_truncate_claims AFTER TRUNCATE ON claims
FOR EACH STATEMENT EXECUTE FUNCTION dash_bump_version_now();
--> statement-breakpoint
CREATE TRIGGER dash_version_truncate_verdicts AFTER TRUNCATE ON verdicts
FOR EACH STATEMENT EXECUTE FUNCTION dash_bump_version_now();
--> statement-breakpoint
CREATE TRIGGER dash_version_truncate_articles AFTER TRUNCATE ON articles
FOR EACH STATEMENT EXECUTE FUNCTION dash_bump_version_now();
--> statement-breakpoint
CREATE TRIGGER dash_version_truncate_users AFTER TRUNCATE ON users
FOR EACH STATEMENT EXECUTE FUNCTION dash_bump_version_now();
