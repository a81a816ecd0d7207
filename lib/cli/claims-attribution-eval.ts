/**
 * How well the extractor covers attributed statements and names their speakers, on articles
 * annotated in the brat format of the PolNeAR corpus (Source, Cue, Content of each attribution).
 *
 *   npm run --silent claims:attribution-eval -- DIR
 *
 * DIR holds NAME.txt with NAME.ann. Prints one JSON line:
 * {"articles","attributions","content_recall","speaker_acc","speaker_acc_head","speaker_given"}, over the
 * attributions whose Source names someone (a capitalised word that is not a pronoun or a
 * determiner): `content_recall` is the share whose Content overlaps at least one claim;
 * `speaker_acc`, of those recalled, the share where an overlapping claim's speaker contains the
 * Source's last capitalised word (case-insensitive); `speaker_given`, of those recalled, the share
 * where an overlapping claim names any speaker. `speaker_acc_head` is `speaker_acc` with the name
 * taken from the Source's head, before its first comma, bracket or relative clause: PolNeAR's
 * Sources keep appositives ("Megan Greene, chief economist at Manulife"), whose last capitalised
 * word is the employer, not the speaker. A missing directory or a malformed annotation prints one
 * line to stderr and exits 1.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractClaims } from "../claims/extract";
import type { ExtractedClaim } from "../claims/kinds";
import { isMain } from "./run-as-main";

export class BratFormatError extends Error {}

type Ranges = Array<[number, number]>;

export interface AnnotatedAttribution {
  source?: { text: string; ranges: Ranges };
  content: Ranges;
}

/** Parse the text-bound (T) and event (E) lines of a brat .ann file into attributions. */
export function parseBrat(ann: string): AnnotatedAttribution[] {
  const spans = new Map<string, { type: string; ranges: Ranges; text: string }>();
  const events: string[][] = [];
  const lines = ann.split(/\r?\n/);
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln] as string;
    // A span's text may run over several lines; only lines opening with an id are records.
    if (/^T\d+\t/u.test(line)) {
      const [id, head, text] = line.split("\t");
      const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(head ?? "");
      if (!id || !match) throw new BratFormatError(`line ${ln + 1}: malformed text-bound span`);
      const ranges = (match[2] as string).split(";").map((pair) => {
        const [a, b] = pair.split(" ").map(Number) as [number, number];
        return [a, b] as [number, number];
      });
      spans.set(id, { type: match[1] as string, ranges, text: text ?? "" });
    } else if (/^E\d+\t/u.test(line)) {
      const [, args] = line.split("\t");
      if (!args) throw new BratFormatError(`line ${ln + 1}: malformed event`);
      events.push(args.split(" "));
    }
  }
  const out: AnnotatedAttribution[] = [];
  for (const args of events) {
    let source: AnnotatedAttribution["source"];
    let content: Ranges | undefined;
    for (const arg of args) {
      const [role, id] = arg.split(":");
      const span = spans.get(id ?? "");
      if (!span) continue;
      if (role === "Source") source = { text: span.text, ranges: span.ranges };
      else if (role === "Content") content = span.ranges;
    }
    if (content) out.push(source ? { source, content } : { content });
  }
  return out;
}

const NOT_NAMES = new Set(
  (
    "i me my mine we us our ours you your yours he him his she her hers it its they them their " +
    "theirs this that these those the a an some any each every all both either neither no " +
    "another other such what which who whom whose one someone somebody anyone everyone many few " +
    "several most much"
  ).split(" "),
);

/**
 * The Source's last capitalised word that is not a pronoun or a determiner, without a possessive
 * ending, or undefined when the Source names no one ("he", "the spokesman", "This document").
 */
export function sourceName(source: string): string | undefined {
  let last: string | undefined;
  for (const raw of source.split(/[^\p{L}\p{N}'’.-]+/u)) {
    const word = raw.replace(/(?:['’]s?|\.)$/u, "").replace(/^[.'’-]+/u, "");
    if (!/^\p{Lu}/u.test(word) || NOT_NAMES.has(word.toLowerCase())) continue;
    last = word;
  }
  return last;
}

/** `sourceName` of the Source's head: the text before its first comma, bracket or "who". */
export function sourceHeadName(source: string): string | undefined {
  const head = source.split(/,|\(|\s(?:who|which|whose)\s/u)[0] ?? source;
  return sourceName(head) ?? sourceName(source);
}

export interface AttributionCounts {
  attributions: number;
  recalled: number;
  speakerRight: number;
  speakerHeadRight: number;
  speakerGiven: number;
}

const overlaps = (ranges: Ranges, claim: ExtractedClaim) =>
  ranges.some(([a, b]) => claim.start < b && claim.end > a);

/** Count one article's named attributions against its claims. */
export function countArticle(
  claims: ExtractedClaim[],
  attributions: AnnotatedAttribution[],
): AttributionCounts {
  const counts: AttributionCounts = {
    attributions: 0,
    recalled: 0,
    speakerRight: 0,
    speakerHeadRight: 0,
    speakerGiven: 0,
  };
  for (const attribution of attributions) {
    const name = attribution.source ? sourceName(attribution.source.text) : undefined;
    if (!name) continue;
    counts.attributions++;
    const hits = claims.filter((c) => overlaps(attribution.content, c));
    if (hits.length === 0) continue;
    counts.recalled++;
    const needle = name.toLowerCase();
    if (hits.some((c) => c.speaker?.toLowerCase().includes(needle))) counts.speakerRight++;
    const head = (sourceHeadName(attribution.source?.text ?? "") ?? name).toLowerCase();
    if (hits.some((c) => c.speaker?.toLowerCase().includes(head))) counts.speakerHeadRight++;
    if (hits.some((c) => c.speaker)) counts.speakerGiven++;
  }
  return counts;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;
const share = (n: number, d: number): number => (d === 0 ? 0 : round4(n / d));

export interface AttributionReport {
  articles: number;
  attributions: number;
  content_recall: number;
  speaker_acc: number;
  speaker_acc_head: number;
  speaker_given: number;
}

export function evaluateDirectory(dir: string): AttributionReport {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
  const total: AttributionCounts = {
    attributions: 0,
    recalled: 0,
    speakerRight: 0,
    speakerHeadRight: 0,
    speakerGiven: 0,
  };
  let articles = 0;
  for (const name of names) {
    let ann: string;
    try {
      ann = readFileSync(join(dir, `${name}.ann`), "utf8");
    } catch {
      continue;
    }
    const text = readFileSync(join(dir, `${name}.txt`), "utf8");
    let attributions: AnnotatedAttribution[];
    try {
      attributions = parseBrat(ann);
    } catch (error) {
      if (error instanceof BratFormatError) {
        throw new BratFormatError(`${name}.ann: ${error.message}`);
      }
      throw error;
    }
    articles++;
    const counts = countArticle(extractClaims(text), attributions);
    total.attributions += counts.attributions;
    total.recalled += counts.recalled;
    total.speakerRight += counts.speakerRight;
    total.speakerHeadRight += counts.speakerHeadRight;
    total.speakerGiven += counts.speakerGiven;
  }
  return {
    articles,
    attributions: total.attributions,
    content_recall: share(total.recalled, total.attributions),
    speaker_acc: share(total.speakerRight, total.recalled),
    speaker_acc_head: share(total.speakerHeadRight, total.recalled),
    speaker_given: share(total.speakerGiven, total.recalled),
  };
}

function main(argv: string[]): number {
  const dir = argv.find((a) => a !== "--");
  if (dir === undefined) {
    process.stderr.write("claims-attribution-eval: usage: claims:attribution-eval -- DIR\n");
    return 1;
  }
  try {
    process.stdout.write(`${JSON.stringify(evaluateDirectory(dir))}\n`);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code ? `cannot read ${dir}: ${code}` : (error as Error).message;
    process.stderr.write(`claims-attribution-eval: ${message}\n`);
    return 1;
  }
}

if (isMain(import.meta.url)) process.exitCode = main(process.argv.slice(2));
