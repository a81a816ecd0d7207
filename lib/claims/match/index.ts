export {
  averageLength,
  BM25_DEFAULTS,
  type Bm25Params,
  bm25,
  type CorpusStats,
  idf,
  type TermCount,
  termScore,
  type WeightClass,
  weightedFrequency,
} from "./bm25";
export { cleanPostText } from "./clean";
export {
  BOOST_DEFAULTS,
  type Boosts,
  type Candidate,
  classifyScore,
  type MatchReasons,
  type MatchStrength,
  type QueryTerm,
  type RankContext,
  type Scored,
  scoreCandidate,
  selfScore,
  type Thresholds,
} from "./rank";
export { sameSpeaker, speakerKey } from "./speaker";
export { compareValues, sameQuantity, type ValueAgreement } from "./values";
