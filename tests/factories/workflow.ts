import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Claim, claims, sources } from "@/db/schema";
import { insertOne } from "./index";

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
