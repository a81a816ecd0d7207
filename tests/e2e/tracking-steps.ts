import { expect, request as playwrightRequest } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { claimMatches, claims } from "@/db/schema";
import { callAction, storageState } from "./helpers";

/**
 * "Same claim" through the app's own server action, for specs whose subject is a page that
 * needs a tracked claim: the suggestion must have come from the matching service at import.
 * Returns the tracked claim's id. The database is only read.
 */
export async function linkSameClaim(
  database: Database,
  baseURL: string,
  later: { articleId: string; claimId: string },
  earlierClaimId: string,
): Promise<string> {
  const [match] = await database.db
    .select({ version: claimMatches.version })
    .from(claimMatches)
    .where(and(eq(claimMatches.claimId, later.claimId), eq(claimMatches.matchId, earlierClaimId)));
  if (!match) throw new Error("the import suggested no match with the earlier claim");
  const reviewer = await playwrightRequest.newContext({
    baseURL,
    storageState: storageState("reviewer"),
  });
  const result = await callAction(
    reviewer,
    `/articles/${later.articleId}/claims/${later.claimId}`,
    "decideMatchAction",
    [later, { matchId: earlierClaimId, version: match.version, decision: "same" }],
    baseURL,
  );
  expect(result.body, result.body).toContain('"ok":true');
  await reviewer.dispose();
  const [linked] = await database.db
    .select({ trackedClaimId: claims.trackedClaimId })
    .from(claims)
    .where(eq(claims.id, later.claimId));
  if (!linked?.trackedClaimId) throw new Error("the claim was not linked");
  return linked.trackedClaimId;
}
