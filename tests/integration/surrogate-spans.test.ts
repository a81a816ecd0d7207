import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addManualClaim } from "@/lib/services/claims/add-claim";
import { splitClaim } from "@/lib/services/claims/split-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { ctxFor, makeArticle, makeClaim, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

// Offsets count UTF-16 code units, so a span can start or end between the two halves of an emoji:
// its text would hold a lone surrogate, which no database column or JSON audit row can store.
const BODY = () =>
  `Officials 😀 said 2,500 troops 👩‍👩‍👧 arrived on 6 January 2022. Ref ${crypto.randomUUID()}.`;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, String(error)).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("spans that cut a character in half", () => {
  const db = useTestDatabase();
  const ctx = async () => ctxFor(db.current.db, await makeUser(db.current.db, { role: "editor" }));

  it("a manual claim ending or starting inside an emoji is a validation error", async () => {
    const article = await makeArticle(db.current.db, { body: BODY() });
    const half = article.body.indexOf("😀") + 1;
    for (const [start, end] of [
      [0, half],
      [half, half + 10],
    ] as const) {
      const error = await refusal(
        addManualClaim(await ctx(), {
          articleId: article.id,
          start,
          end,
          text: article.body.slice(start, end),
          kind: "statement",
        }),
      );
      expect(error.code).toBe("validation");
    }
  });

  it("a span edit inside an emoji is a validation error", async () => {
    const article = await makeArticle(db.current.db, { body: BODY() });
    const claim = await makeClaim(db.current.db, article, { start: 0, end: 9 });
    const half = article.body.indexOf("👩") + 1;
    const error = await refusal(
      updateClaim(await ctx(), {
        claimId: claim.id,
        version: claim.version,
        span: { start: 0, end: half, text: article.body.slice(0, half) },
      }),
    );
    expect(error.code).toBe("validation");
  });

  it("a split between the halves of an emoji is a validation error", async () => {
    const article = await makeArticle(db.current.db, { body: BODY() });
    const claim = await makeClaim(db.current.db, article, { start: 0, end: 30 });
    const error = await refusal(
      splitClaim(await ctx(), {
        claimId: claim.id,
        version: claim.version,
        at: article.body.indexOf("😀") + 1,
      }),
    );
    expect(error.code).toBe("validation");
  });

  it("a span whose stored context would cut an emoji is still accepted", async () => {
    const body = `${"😀".repeat(40)} The ministry said 2,500 troops arrived. ${"👍".repeat(40)}`;
    const article = await makeArticle(db.current.db, { body });
    const phrase = "The ministry said 2,500 troops arrived.";
    const start = body.indexOf(phrase);
    for (const [s, e] of [
      [start, start + phrase.length],
      [start - 1, start + phrase.length + 1],
    ] as const) {
      const claim = await addManualClaim(await ctx(), {
        articleId: article.id,
        start: s,
        end: e,
        text: body.slice(s, e),
        kind: "statement",
      });
      expect(claim.text).toBe(body.slice(s, e));
    }
  });
});
