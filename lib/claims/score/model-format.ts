/**
 * The check-worthiness model's format: the feature settings, the model as the trainer builds it
 * (a record of weights) and as it is committed (lib/claims/model/checkworthiness.json, names and
 * numbers in parallel), and the conversions between the two.
 */
/** Feature-extraction settings; stored in the model JSON so training and scoring always agree. */
export interface FeatureConfig {
  /** Longest word n-gram (1 = unigrams only, 2 = uni+bigrams, 3 = up to trigrams). */
  ngram: number;
  /** Character n-gram lengths taken inside words (with `_` boundary marks); [] = none. */
  charNgrams: number[];
  /** Add the hand-written claim cues (`#…` features). */
  cues: boolean;
  /** Divide the summed weights by sqrt(number of features of the sentence). */
  rowNorm?: boolean;
  /** Add the mean of the sentence's word vectors (GloVe, see lib/claims/training/embeddings.ts). */
  embeddings?: boolean;
  /**
   * Add wink-nlp's reading of the sentence: part-of-speech bi- and trigrams (`^…`) and the named
   * entity types with their count (`#@DATE1`, `#@CARDINAL2+`…).
   */
  tags?: boolean;
}

export interface CheckworthinessModel {
  version: number;
  threshold: number;
  bias: number;
  config: FeatureConfig;
  weights: Record<string, number>;
  /**
   * With `config.embeddings`: each word's share of the logit, the dot product of its word vector
   * with the (standardised) weights of the mean-vector features. A linear model over the mean of
   * the vectors adds the mean of these scalars, so no vector is needed at run time. The tokens of
   * the sentence found here are averaged; a sentence without any adds nothing.
   */
  wordScores?: Record<string, number>;
}

/**
 * The committed file (lib/claims/model/checkworthiness.json): names and numbers in parallel, the
 * names joined by newlines. Two hundred thousand object keys took the app (tsx) about 0.75 s and
 * a hundred MB to load; a string and an array of numbers take less than half of that.
 */
export interface CheckworthinessJson {
  version: 3;
  threshold: number;
  bias: number;
  config: FeatureConfig;
  /** Sparse feature names, joined by "\n"; `weights` holds their weights in the same order. */
  features: string;
  weights: number[];
  /** Words with a score, joined by "\n"; `wordScores` in the same order (with embeddings). */
  words?: string;
  wordScores?: number[];
}

function joinNames(record: Record<string, number>): { names: string; values: number[] } {
  const names = Object.keys(record);
  for (const name of names) {
    if (name.includes("\n"))
      throw new Error(`model name with a line break: ${JSON.stringify(name)}`);
  }
  return { names: names.join("\n"), values: Object.values(record) };
}

function splitNames(names: string, values: number[]): Record<string, number> {
  if (values.length === 0) return {};
  // fromEntries makes own properties even of names such as "__proto__".
  return Object.fromEntries(names.split("\n").map((name, i) => [name, values[i] as number]));
}

export function toModelJson(m: CheckworthinessModel): CheckworthinessJson {
  const sparse = joinNames(m.weights);
  const json: CheckworthinessJson = {
    version: 3,
    threshold: m.threshold,
    bias: m.bias,
    config: m.config,
    features: sparse.names,
    weights: sparse.values,
  };
  if (m.wordScores) {
    const words = joinNames(m.wordScores);
    json.words = words.names;
    json.wordScores = words.values;
  }
  return json;
}

export function fromModelJson(json: CheckworthinessJson): CheckworthinessModel {
  const m: CheckworthinessModel = {
    version: json.version,
    threshold: json.threshold,
    bias: json.bias,
    config: json.config,
    weights: splitNames(json.features, json.weights),
  };
  if (json.wordScores) m.wordScores = splitNames(json.words ?? "", json.wordScores);
  return m;
}
