import { getEnv } from "@/lib/env";
import { type RankSettings, rankSettings } from "./rank-matches";

/** The app's ranking settings: the thresholds from lib/env.ts, the rest as tuned. */
export function appRankSettings(): RankSettings {
  const env = getEnv();
  return rankSettings({ suggest: env.MATCH_SUGGEST_SCORE, strong: env.MATCH_STRONG_SCORE });
}
