/**
 * Check-worthiness scorer: a linear model over word n-grams, hand-written claim cues and,
 * optionally, averaged word vectors and wink-nlp's tags (see FeatureConfig), trained by
 * lib/cli/claims-train.ts (lib/claims/training/) on the CheckThat! 2024 (ClaimBuster) English data.
 * See lib/claims/model/DATA_CARD.md for data, terms, hyper-parameters and metrics.
 *
 * The module: ./model-format.ts (the model and its committed JSON), ./features.ts (the features
 * as strings and the reference logit), ./hashed.ts (the same features hashed, the fast path) and
 * this index, which binds the committed model to the fast path.
 *
 * Pure: no fs, no network. The weights are a static JSON import, so this module works under
 * tsx, vitest and a Next.js server bundle alike. It loads the 3.8 MB model: code that only needs
 * the threshold (the claim list's priority band) reads lib/claims/priority.ts instead.
 */
import model from "../model/checkworthiness.json";
import { readTags, type SentenceTags } from "../nlp";
import { analyse, referenceLogit } from "./features";
import { hashedSum, Scratch, WeightTable } from "./hashed";
import {
  type CheckworthinessJson,
  type CheckworthinessModel,
  type FeatureConfig,
  fromModelJson,
} from "./model-format";

export { sentenceFeatures, sentenceTokens, tagFeatures } from "./features";
export type { CheckworthinessJson, CheckworthinessModel, FeatureConfig } from "./model-format";
export { fromModelJson, toModelJson } from "./model-format";

const committed = model as unknown as CheckworthinessJson;
const TABLE = new WeightTable(committed.features, committed.weights);
const WORDS = committed.config.embeddings
  ? new WeightTable(committed.words ?? "", committed.wordScores ?? [])
  : null;
const SCRATCH = new Scratch();
const BIAS = committed.bias;
const CONFIG: FeatureConfig = committed.config;

/** Probability-like cut-off above which a sentence counts as check-worthy. */
export const CHECKWORTHY_THRESHOLD: number = committed.threshold;

/**
 * Linear score (log-odds) of a sentence under the committed model. `tags` is wink's reading of the
 * sentence where the caller has it (the extractor); without it, a model that uses tags reads the
 * sentence itself.
 */
export function sentenceLogit(sentence: string, tags?: SentenceTags): number {
  const { toks, cues } = analyse(sentence, CONFIG.cues);
  const read = CONFIG.tags ? (tags ?? readTags(sentence)) : null;
  const { sum, count, wordSum, wordCount } = hashedSum(
    toks,
    cues,
    read,
    CONFIG,
    TABLE,
    WORDS,
    SCRATCH,
  );
  const sparse = CONFIG.rowNorm ? sum / Math.sqrt(Math.max(count, 1)) : sum;
  return BIAS + sparse + (wordCount > 0 ? wordSum / wordCount : 0);
}

let committedModel: CheckworthinessModel | undefined;

function committedAsRecord(): CheckworthinessModel {
  committedModel ??= fromModelJson(committed);
  return committedModel;
}

/**
 * Reference implementation of sentenceLogit over feature strings (slow; for tests and tools).
 */
export function sentenceLogitReference(
  sentence: string,
  m: CheckworthinessModel = committedAsRecord(),
  tags?: SentenceTags,
): number {
  return referenceLogit(sentence, m, tags);
}

/** Check-worthiness probability in [0, 1] of one sentence (`tags`: see sentenceLogit). */
export function scoreSentence(sentence: string, tags?: SentenceTags): number {
  const z = sentenceLogit(sentence, tags);
  const p = 1 / (1 + Math.exp(-z));
  return Number.isFinite(p) ? p : z > 0 ? 1 : 0;
}
