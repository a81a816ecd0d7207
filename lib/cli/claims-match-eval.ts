/**
 * How well matching finds the claim a post repeats, on claim-retrieval data in the CheckThat!
 * 2020 Task 2 format.
 *
 *   npm run --silent claims:match-eval -- --candidates VCLAIMS.tsv --queries QUERIES.tsv \
 *     --qrels QRELS [--run OUT.tsv]
 *
 * Loads the candidates into a fresh in-memory embedded database as approved claims (each of an
 * article of its own), ranks each query as a claim of its own article with the matching service's
 * code and settings, and prints one JSON line {"map5":…,"mrr":…,"p_at_1":…,"n":…} over the top
 * five. `--run` writes those rankings in the TREC run format. A missing or malformed file prints
 * one line to stderr and exits 1.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import {
  formatRun,
  parseQrels,
  parseQueries,
  parseVerifiedClaims,
  RetrievalFormatError,
} from "@/lib/claims/training/retrieval";
import { evaluateRetrieval, loadRetrievalCorpus } from "@/lib/services/matching/evaluate-retrieval";
import { appRankSettings } from "@/lib/services/matching/settings";
import { runAsMain } from "./run-as-main";

const USAGE =
  "usage: claims:match-eval -- --candidates VCLAIMS.tsv --queries QUERIES.tsv --qrels QRELS [--run OUT.tsv]";

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new RetrievalFormatError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? "read error"}`,
    );
  }
}

async function main(argv: string[]): Promise<number> {
  const files = {
    candidates: option(argv, "--candidates"),
    queries: option(argv, "--queries"),
    qrels: option(argv, "--qrels"),
  };
  if (!files.candidates || !files.queries || !files.qrels) {
    process.stderr.write(`claims-match-eval: ${USAGE}\n`);
    return 1;
  }
  const database = openDatabase({ dataDir: "memory://" });
  try {
    const candidates = parseVerifiedClaims(read(files.candidates));
    const queries = parseQueries(read(files.queries));
    const qrels = parseQrels(read(files.qrels));
    await runMigrations(database.db);
    const corpus = await loadRetrievalCorpus(database.db, candidates, queries);
    const { metrics, runs } = await evaluateRetrieval(
      database.db,
      corpus,
      qrels,
      appRankSettings(),
    );
    const run = option(argv, "--run");
    if (run) writeFileSync(run, formatRun(runs, "claimtrack"));
    process.stdout.write(`${JSON.stringify(metrics)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof RetrievalFormatError) {
      process.stderr.write(`claims-match-eval: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

runAsMain(import.meta.url, main);
