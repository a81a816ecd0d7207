import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { articles, claims, type NewClaim, type NewVerdict, verdicts } from "@/db/schema";
import { hashBody } from "@/lib/services/articles/body";
import { insertOne } from "./index";

/** An article imported at a given time, from a given outlet. */
export async function makeDashboardArticle(
  db: Db,
  values: { title?: string; outlet?: string | null; createdAt: Date },
) {
  const body = `Body ${randomUUID()}. The ministry said 2,500 troops arrived on 6 January 2022.`;
  return insertOne(db, articles, {
    title: values.title ?? `Article ${randomUUID().slice(0, 8)}`,
    outlet: values.outlet ?? null,
    body,
    bodyHash: hashBody(body),
    createdAt: values.createdAt,
    updatedAt: values.createdAt,
  });
}

/** A claim written straight into the table in the state the test needs (no workflow service). */
export async function makeDashboardClaim(
  db: Db,
  article: { id: string },
  values: Partial<NewClaim> & { createdAt: Date },
) {
  return insertOne(db, claims, {
    articleId: article.id,
    text: "A claim",
    start: 0,
    end: 7,
    kind: "statement",
    ...values,
  });
}

export async function makeVerdict(
  db: Db,
  claim: { id: string },
  values: Partial<NewVerdict> & Pick<NewVerdict, "rating" | "createdAt">,
) {
  return insertOne(db, verdicts, {
    claimId: claim.id,
    rationale: "Because the sources say so.",
    ...values,
  });
}

export const at = (iso: string) => new Date(iso);
export const hoursAfter = (date: Date, hours: number) =>
  new Date(date.getTime() + hours * 3_600_000);
