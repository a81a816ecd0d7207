import pino from "pino";

const level =
  process.env.LOG_LEVEL ??
  (process.env.NODE_ENV === "test" || process.env.VITEST ? "warn" : "info");

/** Structured server log (JSON lines). Causes are logged here; users see a clear message instead. */
export const logger = pino({ level, base: { app: "claimtrack" } });
