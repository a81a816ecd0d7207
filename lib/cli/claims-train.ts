/**
 * Train the check-worthiness model and write lib/claims/model/checkworthiness.json, its threshold
 * (threshold.json) and its data card (DATA_CARD.md); the training itself is
 * lib/claims/training/train.ts.
 *
 *   npm run claims:train [-- --data DIR] [--out FILE] [--quick]
 *
 * The data folder defaults to ../shared/data/ct24 relative to the working directory (env CT24_DIR
 * or --data DIR override it). --out writes the model (and its threshold file beside it) elsewhere,
 * without a data card.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type TrainArgs, train } from "../claims/training/train";
import { runAsMain } from "./run-as-main";

function parseArgs(argv: string[]): TrainArgs {
  let data = process.env.CT24_DIR ?? resolve(process.cwd(), "../shared/data/ct24");
  const modelDir = join(dirname(fileURLToPath(import.meta.url)), "../claims/model");
  let out = join(modelDir, "checkworthiness.json");
  let card: string | null = join(modelDir, "DATA_CARD.md");
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--data") data = resolve(argv[++i] ?? "");
    else if (a === "--out") {
      out = resolve(argv[++i] ?? "");
      card = null;
    } else if (a === "--quick") quick = true;
    else if (a !== "--") throw new Error(`unknown argument ${a}`);
  }
  return { data, out, card, quick };
}

runAsMain(import.meta.url, (argv) => train(parseArgs(argv)));
