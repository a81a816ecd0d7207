import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readTags } from "@/lib/claims/nlp";
import {
  CHECKWORTHY_THRESHOLD,
  type CheckworthinessModel,
  fromModelJson,
  scoreSentence,
  sentenceLogit,
  sentenceLogitReference,
  tagFeatures,
  toModelJson,
} from "@/lib/claims/score";
import { parseCt24 } from "@/lib/claims/training/ct24";

const FACT = "Unemployment fell to 3.5 percent in 2019.";
const GREETING = "Thank you all for coming tonight.";

const SAMPLES = [
  FACT,
  GREETING,
  "",
  "   ",
  "?",
  "I think we can do better.",
  "The deficit tripled from $400 billion to $1.2 trillion under the last administration.",
  "“We’ve cut taxes for 95% of working families,” he said.",
  "x".repeat(5000),
  "😀 \u0000 \ud800 naïve café",
];

describe("scoreSentence", () => {
  it("returns a probability in [0, 1] for any input", () => {
    for (const s of SAMPLES) {
      const p = scoreSentence(s);
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it("has a threshold strictly inside (0, 1)", () => {
    expect(CHECKWORTHY_THRESHOLD).toBeGreaterThan(0);
    expect(CHECKWORTHY_THRESHOLD).toBeLessThan(1);
  });

  it("scores a factual numeric claim above a greeting", () => {
    expect(scoreSentence(FACT)).toBeGreaterThan(scoreSentence(GREETING));
    expect(scoreSentence(FACT)).toBeGreaterThanOrEqual(CHECKWORTHY_THRESHOLD);
    expect(scoreSentence(GREETING)).toBeLessThan(CHECKWORTHY_THRESHOLD);
  });

  it("is deterministic", () => {
    const first = SAMPLES.map((s) => scoreSentence(s));
    const second = SAMPLES.map((s) => scoreSentence(s));
    expect(second).toEqual(first);
  });

  it("hashed scoring path equals the feature-string reference", () => {
    const more = [
      ...SAMPLES,
      "In 1996, 12.5% of Americans -- some 33 million people -- had no health insurance, NATO said.",
      "I believe that the Senator is wrong; we will never raise your taxes!",
      "Well, Jim, let me say this: the economy grew 4 percent last year.",
      "constructor __proto__ toString hasOwnProperty",
      "Between 6 January and 19 January 2022, 2,500 and then 3,000 troops arrived, at $1 million.",
    ];
    for (const s of more) expect(sentenceLogit(s)).toBeCloseTo(sentenceLogitReference(s), 9);
  });

  it("hashed path equals the reference for generated sentences", () => {
    const words = fc.constantFrom(
      ...'the CSTO sent about 2,500 troops to Kazakhstan on 6 January 2022 and Russia said $3 million or 40% were withdrawn by 19 January , . ? ! " I think we will never'.split(
        " ",
      ),
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
        const s = parts.join(" ");
        expect(sentenceLogit(s)).toBeCloseTo(sentenceLogitReference(s), 9);
      }),
      { numRuns: 200 },
    );
  });

  it("reads wink's tags as part-of-speech n-grams and entity counts", () => {
    const feats = tagFeatures({
      pos: ["PROPN", "VERB", "PUNCT", "NUM", "SPACE"],
      entities: ["CARDINAL", "DATE", "CARDINAL"],
    });
    expect(new Set(feats)).toEqual(
      new Set([
        "^^ PROPN",
        "^^ ^ PROPN",
        "^PROPN VERB",
        "^^ PROPN VERB",
        "^VERB NUM",
        "^PROPN VERB NUM",
        "^NUM $",
        "^VERB NUM $",
        "#@CARDINAL2+",
        "#@DATE1",
      ]),
    );
  });

  it("scores a sentence the same with the tags read for it or passed in", () => {
    for (const s of [FACT, GREETING, "About 2,500 troops arrived on 6 January, the CSTO said."]) {
      expect(sentenceLogit(s, readTags(s))).toBe(sentenceLogit(s));
    }
  });

  it("stores a model as joined names and numbers and reads it back unchanged", () => {
    const m: CheckworthinessModel = {
      version: 3,
      threshold: 0.4,
      bias: -0.5,
      config: { ngram: 2, charNgrams: [3], cues: true, rowNorm: true, embeddings: true },
      weights: { "#num1": 0.25, "the </s>": -0.125, "~_ta": 0.5 },
      // Parsed, so that "__proto__" is an own key as it would be in a model file.
      wordScores: JSON.parse('{"the": 0.1, "2010": -0.2, "__proto__": 0.3, "constructor": 0.4}'),
    };
    const json = toModelJson(m);
    expect(typeof json.features).toBe("string");
    expect(json.weights).toHaveLength(3);
    const back = fromModelJson(JSON.parse(JSON.stringify(json)));
    expect(back).toEqual(m);
    expect(Object.keys(back.wordScores ?? {})).toContain("__proto__");
    for (const s of ["The proto constructor of 2010 rose", "the the the", ""]) {
      expect(sentenceLogitReference(s, back)).toBe(sentenceLogitReference(s, m));
    }
  });
});

describe("parseCt24", () => {
  it("splits a record glued to the next one on its label", () => {
    const rows = parseCt24(
      "Sentence_id\tText\tclass_label\n1\tWe must invest.\tNo2\tYou can't bring back jobs.\tNo\n3\tTaxes rose 5%.\tYes\n",
    );
    expect(rows.map((r) => r.id)).toEqual(["1", "2", "3"]);
    expect(rows.map((r) => r.label)).toEqual([false, false, true]);
  });

  it("keeps bare double quotes in the text", () => {
    const rows = parseCt24('Sentence_id\tText\tclass_label\n7\t"He said ""no""."\tNo\n');
    expect(rows[0]?.text).toBe('"He said ""no""."');
  });
});

describe("claims-eval CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "claims-eval-"));
  const cli = resolve("lib/cli/claims-eval.ts");
  const tsx = resolve("node_modules/.bin/tsx");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints one JSON line with f1, precision, recall and n", () => {
    const file = join(dir, "small.tsv");
    writeFileSync(
      file,
      [
        "Sentence_id\tText\tclass_label",
        `1\t${FACT}\tYes`,
        `2\t${GREETING}\tNo`,
        "3\tThe deficit tripled from $400 billion to $1.2 trillion in eight years.\tYes",
        '4\t"Okay, let\'s move on."\tNo',
        "",
      ].join("\n"),
    );
    const out = execFileSync(tsx, [cli, file], { encoding: "utf8" });
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const m = JSON.parse(lines[0] as string) as Record<string, number>;
    expect(Object.keys(m)).toEqual(["f1", "precision", "recall", "n"]);
    expect(m.n).toBe(4);
    for (const k of ["f1", "precision", "recall"] as const) {
      expect(m[k]).toBeGreaterThanOrEqual(0);
      expect(m[k]).toBeLessThanOrEqual(1);
    }
    expect(m.f1).toBe(1);
  }, 30_000);

  it("fails with a one-line error on a missing file", () => {
    const r = spawnSync(tsx, [cli, join(dir, "nope.tsv")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read/);
  }, 30_000);

  it("fails with a one-line error on a malformed file", () => {
    const file = join(dir, "bad.tsv");
    writeFileSync(file, "Sentence_id\tText\tclass_label\n1\tno label here\n");
    const r = spawnSync(tsx, [cli, file], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/malformed.*line 2/);
    const wrongHeader = join(dir, "header.csv");
    writeFileSync(wrongHeader, "id,text,label\n1,x,Yes\n");
    const r2 = spawnSync(tsx, [cli, wrongHeader], { encoding: "utf8" });
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/malformed.*header/);
  }, 30_000);
});
