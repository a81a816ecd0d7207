import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BratFormatError,
  evaluateDirectory,
  parseBrat,
  sourceHeadName,
  sourceName,
} from "@/lib/cli/claims-attribution-eval";

// A made-up article and its annotation in the brat standoff format PolNeAR uses.
const TEXT =
  "Harbour news\n\n" +
  "The port handled 2 million containers last year, Peter Hale said. " +
  "He said the wall was breached twice. " +
  "Officials at the port believe the storm season is over.";

function span(text: string, words: string): string {
  const start = TEXT.indexOf(words);
  return `${text} ${start} ${start + words.length}\t${words}`;
}

const ANN = [
  `T1\t${span("Source", "Peter Hale")}`,
  `T2\t${span("Cue", "said")}`,
  `T3\t${span("Content", "The port handled 2 million containers last year")}`,
  "E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1",
  `T4\t${span("Source", "He")}`,
  `T5\t${span("Content", "the wall was breached twice")}`,
  "E2\tAttribution:T10 Content:T5 Source:T4",
  `T6\t${span("Source", "Officials")}`,
  `T7\t${span("Content", "the storm season is over")}`,
  "E3\tAttribution:T11 Content:T7 Source:T6",
].join("\n");

describe("claims:attribution-eval", () => {
  it("reads sources and contents, discontinuous spans and text over several lines", () => {
    const parsed = parseBrat(
      "T1\tSource 0 5\tSmith\nT2\tContent 10 20;30 40\tfirst\nsecond line\nE1\tContent:T2 Source:T1\n",
    );
    expect(parsed).toEqual([
      {
        source: { text: "Smith", ranges: [[0, 5]] },
        content: [
          [10, 20],
          [30, 40],
        ],
      },
    ]);
    expect(() => parseBrat("T1\tSource five\tx")).toThrow(BratFormatError);
  });

  it("names a source by its last capitalised word that is not a pronoun or determiner", () => {
    expect(sourceName("Senate Majority Leader Mitch McConnell")).toBe("McConnell");
    expect(sourceName("Trump’s campaign")).toBe("Trump");
    expect(sourceName("He")).toBeUndefined();
    expect(sourceName("This document")).toBeUndefined();
    expect(sourceName("the spokesman")).toBeUndefined();
    expect(sourceName("Megan Greene, chief economist at Manulife")).toBe("Manulife");
    expect(sourceHeadName("Megan Greene, chief economist at Manulife")).toBe("Greene");
    expect(sourceHeadName("Sen. Ann Ode (D-Ohio)")).toBe("Ode");
    expect(sourceHeadName("the chairman, who spoke first")).toBeUndefined();
  });

  it("scores content recall and speakers over named sources", () => {
    const dir = mkdtempSync(join(tmpdir(), "attribution-eval-"));
    writeFileSync(join(dir, "a.txt"), TEXT);
    writeFileSync(join(dir, "a.ann"), ANN);
    mkdirSync(join(dir, "unrelated"));
    const report = evaluateDirectory(dir);
    // "He" names no one; Peter Hale and Officials count. The officials' unnamed belief is no
    // claim, so half the contents are covered; the covered one names Peter Hale.
    expect(report).toEqual({
      articles: 1,
      attributions: 2,
      content_recall: 0.5,
      speaker_acc: 1,
      speaker_acc_head: 1,
      speaker_given: 1,
    });
  });
});
