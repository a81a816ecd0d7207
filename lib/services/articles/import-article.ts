import { eq } from "drizzle-orm";
import { z } from "zod";
import { articles } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { matchClaims } from "@/lib/services/matching/match-claims";
import { articleMetaSchema, importArticleSchema } from "@/lib/validation/articles";
import { parseInput } from "@/lib/validation/parse";
import { runInWorker } from "@/lib/workers/pool";
import { hashBody, normaliseBody } from "./body";
import { type ExtractFn, extractArticleClaims } from "./extract-article";
import { formatBytes, type Upload } from "./read-upload";
import { extractOptionsFor, insertArticleWithClaims, prepareClaims } from "./store-article";

export type ImportResult =
  | {
      status: "created";
      article: { id: string; title: string };
      claimCount: number;
      /** Match suggestions stored for the new claims; null when matching was off or failed. */
      suggestions: number | null;
    }
  | { status: "duplicate"; article: { id: string; title: string } };

const sourceSchema = z.object({
  text: z.string().optional(),
  file: z
    .object({
      name: z.string().max(300),
      bytes: z.custom<Uint8Array>(
        (value) => value instanceof Uint8Array,
        "The file is unreadable.",
      ),
    })
    .optional(),
});

/** What an import is given: the article's details, and its text pasted or as a file. */
const importInputSchema = articleMetaSchema.extend(sourceSchema.shape);

interface ImportOptions {
  /**
   * The extraction step, run on this thread; tests pass a failing one to show that nothing is
   * stored then. Without it, extraction runs on a worker thread.
   */
  extract?: ExtractFn;
  maxBytes?: number;
  /** Match the new claims with earlier ones; by default the MATCHING setting (lib/env.ts). */
  matching?: "on" | "off";
}

/** An uploaded file's text, read on a worker thread (HTML parsing takes seconds for a large page). */
async function readUploadOffThread(file: Upload, maxBytes: number): Promise<string> {
  const bytes = file.bytes.slice();
  const result = await runInWorker("readUpload", { name: file.name, bytes, maxBytes }, [
    bytes.buffer,
  ]);
  if (!result.ok) throw new ValidationError(result.message, result.fieldErrors);
  return result.value;
}

/**
 * Imports pasted text or an uploaded file with its metadata; a body that is already here answers
 * with the existing article. Reading the file and extracting the claims run on a worker thread
 * and before the transaction, which then only stores the article and its claims (all or nothing)
 * and so holds its connection briefly.
 */
export async function importArticle(
  ctx: Ctx,
  input: z.input<typeof importInputSchema>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  requirePermission(ctx.actor, "articles.import");
  const maxBytes = options.maxBytes ?? getEnv().MAX_IMPORT_BYTES;
  const source = parseInput(sourceSchema, { text: input.text, file: input.file });
  let raw: string;
  if (source.file && source.file.bytes.byteLength > 0) {
    raw = await readUploadOffThread(source.file, maxBytes);
  } else {
    raw = source.text ?? "";
    const size = Buffer.byteLength(raw, "utf8");
    if (size > maxBytes) {
      const message = `The text is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}.`;
      throw new ValidationError(message, { body: [message] });
    }
  }
  const data = parseInput(importArticleSchema, { ...input, body: normaliseBody(raw) });
  const existing = await findByBody(ctx, data.body);
  if (existing) return { status: "duplicate", article: existing };
  const extractOptions = extractOptionsFor(data);
  const prepared = options.extract
    ? prepareClaims(data.body, extractArticleClaims(data.body, extractOptions, options.extract))
    : await runInWorker("extractArticleClaims", { body: data.body, options: extractOptions });
  try {
    const stored = await ctx.db.transaction((tx) =>
      insertArticleWithClaims(tx, data, prepared, ctx.actor.id),
    );
    return {
      status: "created",
      article: { id: stored.article.id, title: stored.article.title },
      claimCount: stored.claimCount,
      suggestions:
        (options.matching ?? getEnv().MATCHING) === "on"
          ? await matchImportedClaims(ctx, stored.article.id, stored.claimIds)
          : null,
    };
  } catch (error) {
    // Two imports of the same text at once: the unique index lets one in, the other is offered it.
    if (isBodyHashConflict(error)) {
      const winner = await findByBody(ctx, data.body);
      if (winner) return { status: "duplicate", article: winner };
    }
    throw error;
  }
}

/** Claims matched per statement batch at import. */
const MATCH_BATCH = 100;

/**
 * Matches an import's new claims with earlier ones, after the import has committed. The article
 * and its claims are the user's work and must not be lost to matching: a failure here is logged
 * and the import stands with the suggestions stored so far (a re-match on the claim page makes
 * the rest later). Running after the commit also keeps the import's transaction, which holds the
 * lock on the BM25 term counts, as short as before.
 *
 * In batches of `MATCH_BATCH` claims, each a transaction of its own (the claims are new, so there
 * are no older suggestions to replace all at once), with the thread let go between them: the
 * candidates of a large import's thousands of claims are hundreds of thousands of rows to read
 * and score, which in one piece held the request thread for 200–400 ms, and on the embedded
 * database held its one connection for seconds (tests/integration/heavy-work.test.ts).
 */
async function matchImportedClaims(
  ctx: Ctx,
  articleId: string,
  claimIds: string[],
): Promise<number | null> {
  // The importer's right to import covers matching what they imported (checked again here
  // because this opens transactions of its own).
  requirePermission(ctx.actor, "articles.import");
  if (claimIds.length === 0) return 0;
  let suggestions = 0;
  try {
    for (let at = 0; at < claimIds.length; at += MATCH_BATCH) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = claimIds.slice(at, at + MATCH_BATCH);
      suggestions += await ctx.db.transaction((tx) => matchClaims(tx, { claimIds: batch }));
    }
    return suggestions;
  } catch (error) {
    logger.warn({ err: error, articleId }, "matching the imported claims failed; import kept");
    return null;
  } finally {
    // What was stored is recorded, also when a later batch failed; a failure to record it is
    // logged like a failure to match, and the import stands.
    if (suggestions > 0) {
      await ctx.db
        .transaction((tx) =>
          recordAudit(tx, {
            actorId: ctx.actor.id,
            action: "article.match",
            entityType: "article",
            entityId: articleId,
            articleId,
            after: { claims: claimIds.length, suggestions },
          }),
        )
        .catch((error: unknown) =>
          logger.warn({ err: error, articleId }, "recording the import's matches failed"),
        );
    }
  }
}

async function findByBody(ctx: Ctx, body: string) {
  const [row] = await ctx.db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(eq(articles.bodyHash, hashBody(body)));
  return row ?? null;
}

function isBodyHashConflict(error: unknown): boolean {
  for (
    let e = error as { code?: string; cause?: unknown; constraint_name?: string } | undefined;
    e;
  ) {
    if (e.code === "23505") return true;
    e = e.cause as typeof e;
  }
  return false;
}
