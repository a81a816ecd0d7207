import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("settings", () => {
  it("uses the embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.PORT).toBe(3000);
    expect(env.MAX_IMPORT_BYTES).toBe(2_000_000);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [
      "DATABASE_URL",
      "mysql://localhost/db",
      /^Setting DATABASE_URL is invalid: expected a URL like postgres:/,
    ],
    ["DATABASE_URL", "not a url", /^Setting DATABASE_URL is invalid/],
    ["PORT", "eighty", /^Setting PORT is invalid: expected a port number/],
    ["PORT", "70000", /^Setting PORT is invalid: expected a port number/],
    ["AUTH_SECRET", "short", /^Setting AUTH_SECRET is invalid: expected at least 32 characters/],
    ["SEED_DEMO", "maybe", /^Setting SEED_DEMO is invalid: expected true or false/],
    ["TRUST_PROXY", "sometimes", /^Setting TRUST_PROXY is invalid: expected true or false/],
    ["WEB_CONCURRENCY", "0", /^Setting WEB_CONCURRENCY is invalid: expected a number of server/],
    ["WEB_CONCURRENCY", "two", /^Setting WEB_CONCURRENCY is invalid: expected a number of server/],
  ])("names %s and what it expects when it is %s", (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(message);
    try {
      parseEnv({ [name]: value });
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("trusts a proxy's forwarded headers only when TRUST_PROXY says so", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(true);
  });

  it("reads the matching settings, with their defaults and their order", () => {
    expect(parseEnv({})).toMatchObject({
      MATCHING: "on",
      MATCH_SUGGEST_SCORE: 0.3,
      MATCH_STRONG_SCORE: 0.6,
    });
    expect(
      parseEnv({ MATCHING: "OFF", MATCH_SUGGEST_SCORE: "0.5", MATCH_STRONG_SCORE: "0.9" }),
    ).toMatchObject({
      MATCHING: "off",
      MATCH_SUGGEST_SCORE: 0.5,
      MATCH_STRONG_SCORE: 0.9,
    });
    expect(() => parseEnv({ MATCHING: "maybe" })).toThrow(
      "Setting MATCHING is invalid: expected on or off",
    );
    expect(() => parseEnv({ MATCH_SUGGEST_SCORE: "2" })).toThrow(
      "Setting MATCH_SUGGEST_SCORE is invalid: expected a score from 0 to 1",
    );
    expect(() => parseEnv({ MATCH_SUGGEST_SCORE: "0.8", MATCH_STRONG_SCORE: "0.5" })).toThrow(
      "Setting MATCH_STRONG_SCORE is invalid: expected MATCH_STRONG_SCORE at or above MATCH_SUGGEST_SCORE",
    );
  });

  it("accepts a PostgreSQL URL", () => {
    expect(
      parseEnv({ DATABASE_URL: "postgresql://u:p@db.internal:5432/claimtrack" }).DATABASE_URL,
    ).toContain("db.internal");
  });
});
