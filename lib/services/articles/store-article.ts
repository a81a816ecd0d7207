import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import { type Article, articles, claims } from "@/db/schema";
import type { ExtractedClaim } from "@/lib/claims";
import { recordAudit } from "@/lib/services/audit";
import { hashBody, normaliseBody } from "./body";

export interface ArticleFields {
  title: string;
  outlet?: string | null;
  author?: string | null;
  url?: string | null;
  publishedOn?: string | null;
  publishedApproximate?: boolean;
  body: string;
}

/** An article's metadata as stored: what the form left out is empty (null; not approximate). */
export function articleMetaValues(fields: Omit<ArticleFields, "body">) {
  return {
    title: fields.title,
    outlet: fields.outlet ?? null,
    author: fields.author ?? null,
    url: fields.url ?? null,
    publishedOn: fields.publishedOn ?? null,
    publishedApproximate: fields.publishedApproximate ?? false,
  };
}

/**
 * Extracted claims checked against the body and written as one JSON text, ready to store. Made
 * where the claims were extracted (a worker thread, for imports): the request thread then neither
 * receives thousands of objects nor builds a statement per batch of them (500 rows took it
 * 100–600 ms a statement), it only sends one string to the database.
 */
export interface PreparedClaims {
  count: number;
  json: string;
}

export function prepareClaims(body: string, extracted: ExtractedClaim[]): PreparedClaims {
  for (const claim of extracted) assertExtractedSpan(body, claim);
  const rows = extracted.map((claim) => ({
    text: claim.text,
    start: claim.start,
    end: claim.end,
    prefix: claim.prefix,
    suffix: claim.suffix,
    kind: claim.kind,
    score: claim.score,
    values: claim.values,
    speaker: claim.speaker ?? null,
    speakerRole: claim.speakerRole ?? null,
    recheckOn: claim.recheckOn ?? null,
    recheckReason: claim.recheckReason ?? null,
  }));
  return { count: rows.length, json: JSON.stringify(rows) };
}

/**
 * What extraction needs to know of the article. The import day is what proposed re-check dates
 * count from when the article has no published date (lib/claims/recheck.ts).
 */
export function extractOptionsFor(
  fields: Pick<ArticleFields, "publishedOn" | "publishedApproximate">,
  now: Date = new Date(),
) {
  return {
    publishedOn: fields.publishedOn ?? undefined,
    approximateDate: fields.publishedApproximate ?? false,
    importedOn: now.toISOString().slice(0, 10),
  };
}

/**
 * Stores an article and the claims already extracted from its body (prepareClaims). Call inside a
 * transaction: the article and its claims appear together or not at all. Extraction happens
 * before, outside the transaction, so the transaction holds its connection (PGlite's only one)
 * just for two inserts and the audit row.
 */
export async function insertArticleWithClaims(
  tx: Executor,
  fields: ArticleFields,
  prepared: PreparedClaims,
  actorId: string | null,
): Promise<{ article: Article; claimCount: number; claimIds: string[] }> {
  const body = normaliseBody(fields.body);
  const [article] = await tx
    .insert(articles)
    .values({
      ...articleMetaValues(fields),
      body,
      bodyHash: hashBody(body),
      createdBy: actorId,
    })
    .returning();
  if (!article) throw new Error("article insert returned no row");
  let claimIds: string[] = [];
  if (prepared.count > 0) {
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`
      insert into ${claims} (article_id, text, start, "end", prefix, suffix, kind, score, values, speaker, speaker_role, recheck_on, recheck_reason, origin)
      select ${article.id}, r.text, r.start, r."end", r.prefix, r.suffix, r.kind::claim_kind, r.score,
        r.values, r.speaker, r."speakerRole", r."recheckOn", r."recheckReason", 'extracted'
      from jsonb_to_recordset(${prepared.json}::jsonb) as r(
        text text, start integer, "end" integer, prefix text, suffix text, kind text, score real,
        values jsonb, speaker text, "speakerRole" text, "recheckOn" date, "recheckReason" text
      )
      returning id`,
    );
    claimIds = inserted.map((row) => row.id);
  }
  await recordAudit(tx, {
    actorId,
    action: "article.import",
    entityType: "article",
    entityId: article.id,
    articleId: article.id,
    after: { title: article.title, claims: prepared.count, bodyHash: article.bodyHash },
  });
  return { article, claimCount: prepared.count, claimIds };
}

function assertExtractedSpan(body: string, claim: ExtractedClaim): void {
  const valid =
    Number.isInteger(claim.start) &&
    Number.isInteger(claim.end) &&
    claim.start >= 0 &&
    claim.end > claim.start &&
    claim.end <= body.length &&
    body.slice(claim.start, claim.end) === claim.text;
  if (!valid) {
    throw new Error(`extraction returned a span that does not match the text at ${claim.start}`);
  }
}
