import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { verdicts } from "@/db/schema";
import { ValidationError } from "@/lib/errors";

/** The proposal an editor decides on, locked with its claim. */
export async function lockCurrentProposal(tx: Tx, claimId: string) {
  const [verdict] = await tx
    .select()
    .from(verdicts)
    .where(and(eq(verdicts.claimId, claimId), eq(verdicts.state, "proposed")))
    .orderBy(desc(verdicts.createdAt))
    .limit(1)
    .for("update");
  if (!verdict) throw new ValidationError("There is no proposed verdict on this claim.");
  return verdict;
}
