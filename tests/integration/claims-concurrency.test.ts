import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, claims } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { ctxFor, makeUser } from "../factories";
import { makeArticleWithClaims } from "../factories/articles";
import { isPostgres, useTestDatabase } from "./test-db";

describe("concurrent claim edits", () => {
  // Enough connections that the 50 updates really run at the same time.
  const db = useTestDatabase({ max: 50 });

  it("lets exactly one of 50 updates from the same version through; 49 conflict; one audit row", async () => {
    expect(isPostgres()).toBe(true);
    const users = await Promise.all(
      Array.from({ length: 5 }, () => makeUser(db.current.db, { role: "editor" })),
    );
    const { claims: made } = await makeArticleWithClaims(db.current.db, ["2,500 troops"]);
    const claim = made[0];
    if (!claim) throw new Error("no claim");
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        updateClaim(ctxFor(db.current.db, users[i % users.length] as (typeof users)[number]), {
          claimId: claim.id,
          version: claim.version,
          values: { quantity: 2000 + i },
        }),
      ),
    );
    const succeeded = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r) => r.status === "rejected");
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(49);
    for (const f of failed)
      expect((f as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const [row] = await db.current.db.select().from(claims).where(eq(claims.id, claim.id));
    expect(row?.version).toBe(claim.version + 1);
    const audit = await db.current.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, claim.id));
    expect(audit).toHaveLength(1);
    const winner = (succeeded[0] as PromiseFulfilledResult<{ values: unknown }>).value;
    expect(row?.values).toEqual(winner.values);
  });
});
