import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import { type RankSettings, rankMatches } from "./rank-matches";
import { appRankSettings } from "./settings";

/** Suggestions kept per claim: what "Seen before" lists. */
export const SUGGESTIONS_PER_CLAIM = 10;

/**
 * Ranks earlier claims for a batch of claims (an import's, or one claim re-matched) and stores
 * those at or above the suggestion threshold as `claim_matches` in state "suggested", replacing
 * the earlier suggestions of these claims. Decided pairs ("same", "not_same") are never touched:
 * a decided pair is neither deleted nor re-scored. Four statements whatever the batch size: the
 * queries' terms, the candidates of all of them, the delete and the insert. Call inside a
 * transaction, so the old suggestions are replaced all at once. Returns the number stored.
 */
export async function matchClaims(
  tx: Executor,
  input: { claimIds: readonly string[] },
  settings: RankSettings = appRankSettings(),
): Promise<number> {
  const ids = [...new Set(input.claimIds)];
  if (ids.length === 0) return 0;
  const ranked = await rankMatches(tx, ids, settings, {
    limit: SUGGESTIONS_PER_CLAIM,
    minScore: settings.thresholds.suggest,
  });
  const rows = [...ranked.values()].flatMap((list) =>
    list.map((m) => ({
      claimId: m.claimId,
      matchId: m.match.id,
      score: m.score,
      reasons: m.reasons,
    })),
  );
  await tx.execute(sql`
    delete from claim_matches
    where state = 'suggested'
      and claim_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  if (rows.length === 0) return 0;
  const stored = await queryRows<{ id: string }>(
    tx,
    sql`
      insert into claim_matches (claim_id, match_id, score, reasons)
      select r."claimId", r."matchId", r.score, r.reasons
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r("claimId" uuid, "matchId" uuid, score real, reasons jsonb)
      -- A pair decided the other way round stays decided: no suggestion mirrors it.
      where not exists (
        select 1 from claim_matches d
        where d.state <> 'suggested' and d.claim_id = r."matchId" and d.match_id = r."claimId")
      on conflict (claim_id, match_id) do nothing
      returning id`,
  );
  return stored.length;
}
