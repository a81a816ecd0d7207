import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { type Claim, claims, sources } from "@/db/schema";
import { insertOne, makeArticle, makeClaim, makeUser } from "./index";

export const RATIONALE =
  "The defence ministry's published figures match the number given in the article closely.";

export const SOURCE_INPUT = {
  url: "https://example.org/ministry-statement",
  title: "Ministry statement on deployment",
  publisher: "Ministry of Defence",
  sourceType: "official_statement",
  stance: "supports",
  excerpt: "About 2,500 personnel were deployed.",
  accessedOn: "2022-01-20",
  note: "",
} as const;

/** Puts a source straight on a claim, for tests whose subject is not sources. */
export async function makeSource(db: Db, claim: Pick<Claim, "id">, addedBy: string | null = null) {
  return insertOne(db, sources, {
    claimId: claim.id,
    url: SOURCE_INPUT.url,
    title: SOURCE_INPUT.title,
    sourceType: SOURCE_INPUT.sourceType,
    stance: SOURCE_INPUT.stance,
    addedBy,
  });
}

export async function readClaim(db: Db, id: string) {
  const [claim] = await db.select().from(claims).where(eq(claims.id, id));
  if (!claim) throw new Error("no claim");
  return claim;
}

/**
 * A change the claim's rules refuse (lib/services/claims/claim-rules.ts): one error kind, 409
 * precondition_failed, whose `rule` names which rule refused it.
 */
export function refusedBy(rule: string, message?: RegExp) {
  return {
    code: "precondition_failed",
    status: 409,
    rule,
    ...(message ? { message: expect.stringMatching(message) } : {}),
  };
}

/** A reviewer, an editor and one claim on a new article: the cast of the workflow tests. */
export async function makeWorkflowCast(d: Db) {
  const reviewer = await makeUser(d, { role: "reviewer" });
  const editor = await makeUser(d, { role: "editor" });
  const article = await makeArticle(d);
  const claim = await makeClaim(d, article);
  return { d, reviewer, editor, article, claim };
}
