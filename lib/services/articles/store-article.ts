import type { Executor } from "@/db/client";
import { type Article, articles, claims } from "@/db/schema";
import { type ExtractedClaim, extractClaims } from "@/lib/claims";
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

export type ExtractFn = typeof extractClaims;

/**
 * Stores an article and the claims extracted from it. Call inside a transaction: the article and
 * its claims appear together or not at all (extraction runs after the article row is written, so
 * an extraction that throws or returns a span that does not match the text rolls the row back).
 */
export async function storeArticleWithClaims(
  tx: Executor,
  fields: ArticleFields,
  actorId: string | null,
  options: { extract?: ExtractFn } = {},
): Promise<{ article: Article; claimCount: number }> {
  const body = normaliseBody(fields.body);
  const [article] = await tx
    .insert(articles)
    .values({
      title: fields.title,
      outlet: fields.outlet ?? null,
      author: fields.author ?? null,
      url: fields.url ?? null,
      publishedOn: fields.publishedOn ?? null,
      publishedApproximate: fields.publishedApproximate ?? false,
      body,
      bodyHash: hashBody(body),
      createdBy: actorId,
    })
    .returning();
  if (!article) throw new Error("article insert returned no row");
  const extract = options.extract ?? extractClaims;
  const extracted = extract(body, {
    publishedOn: fields.publishedOn ?? undefined,
    approximateDate: fields.publishedApproximate ?? false,
  });
  for (const claim of extracted) assertExtractedSpan(body, claim);
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let i = 0; i < extracted.length; i += 500) {
    const batch = extracted.slice(i, i + 500);
    await tx.insert(claims).values(
      batch.map((claim) => ({
        articleId: article.id,
        text: claim.text,
        start: claim.start,
        end: claim.end,
        prefix: claim.prefix,
        suffix: claim.suffix,
        kind: claim.kind,
        score: claim.score,
        values: claim.values as Record<string, unknown>,
        speaker: claim.speaker ?? null,
        speakerRole: claim.speakerRole ?? null,
        origin: "extracted" as const,
      })),
    );
  }
  await recordAudit(tx, {
    actorId,
    action: "article.import",
    entityType: "article",
    entityId: article.id,
    articleId: article.id,
    after: { title: article.title, claims: extracted.length, bodyHash: article.bodyHash },
  });
  return { article, claimCount: extracted.length };
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
