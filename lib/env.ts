import { z } from "zod";

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyToUndefined, schema.optional());

const booleanFlag = z.preprocess(
  emptyToUndefined,
  z
    .enum(["1", "0", "true", "false", "yes", "no"], { message: "expected true or false" })
    .optional()
    .transform((v) => v === "1" || v === "true" || v === "yes"),
);

const score = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "expected a score from 0 to 1" })
      .min(0, "expected a score from 0 to 1")
      .max(1, "expected a score from 0 to 1")
      .default(fallback),
  );

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== ""
      );
    } catch {
      return false;
    }
  },
  { message: "expected a URL like postgres://user:password@host:5432/database" },
);

export const envSchema = z
  .object({
    NODE_ENV: z.preprocess(
      emptyToUndefined,
      z.enum(["development", "production", "test"]).default("development"),
    ),
    DATABASE_URL: optional(postgresUrl),
    PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
    PORT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: "expected a port number from 1 to 65535" })
        .int("expected a port number from 1 to 65535")
        .min(1, "expected a port number from 1 to 65535")
        .max(65535, "expected a port number from 1 to 65535")
        .default(3000),
    ),
    HOSTNAME: optional(z.string()),
    AUTH_SECRET: optional(z.string().min(32, "expected at least 32 characters")),
    PUBLIC_URL: optional(z.url({ message: "expected an http(s) URL" })),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
    MAX_IMPORT_BYTES: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: "expected a number of bytes" })
        .int()
        .min(1024, "expected at least 1024 bytes")
        .default(2_000_000),
    ),
    // Claim matching (lib/services/matching): "off" skips matching at import (benchmarks, or an
    // operator who wants imports as fast as they were); matching on demand still works.
    MATCHING: z.preprocess(
      (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
      z.enum(["on", "off"], { message: "expected on or off" }).default("on"),
    ),
    // Scores run from 0 to 1 (a claim's match relative to the claim matched with itself).
    MATCH_SUGGEST_SCORE: score(0.4),
    MATCH_STRONG_SCORE: score(0.7),
    ORGANIZATION_NAME: z.preprocess(emptyToUndefined, z.string().default("Claimtrack")),
    SEED_DEMO: booleanFlag,
    // Behind a reverse proxy that sets X-Forwarded-Host and X-Forwarded-Proto: believe them.
    TRUST_PROXY: booleanFlag,
    // Server processes sharing the port (node:cluster). Above 1 needs DATABASE_URL: the embedded
    // database lives inside one process.
    WEB_CONCURRENCY: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: "expected a number of server processes from 1 to 64" })
        .int("expected a number of server processes from 1 to 64")
        .min(1, "expected a number of server processes from 1 to 64")
        .max(64, "expected a number of server processes from 1 to 64")
        .default(1),
    ),
  })
  .refine((env) => env.MATCH_STRONG_SCORE >= env.MATCH_SUGGEST_SCORE, {
    message: "expected MATCH_STRONG_SCORE at or above MATCH_SUGGEST_SCORE",
    path: ["MATCH_STRONG_SCORE"],
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Validates settings; the error names the first wrong variable and what it expects, in one line. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  throw new EnvError(`Setting ${name} is invalid: ${issue?.message ?? "unexpected value"}`);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
