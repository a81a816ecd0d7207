// Finds the prose in an article: blocks of text between blank lines, split into paragraphs, with
// page furniture (navigation, social links, headlines, bylines, author bios) left out.

export interface TextRange {
  start: number;
  end: number;
}

interface Line {
  start: number;
  /** End of the line's visible text (trailing white space excluded). */
  end: number;
  text: string;
}

const BULLET = /^(?:[•·▪▫◦‣⁃●○■□►▸▶›»*+~]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*/u;
// A line ends a sentence when its last visible character, closing quotes and brackets aside, is one
// of these.
const TERMINAL = /[.!?…:;]["'”’»)\]]*$/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const BIO =
  /^\(?\s*(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:is|was|has been)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,5}?(?:columnist|writer|journalist|correspondent|editor|author|reporter|contributor|commentator|analyst|fellow|professor|researcher|blogger|novelist|academic|lecturer|director|freelancer|photographer)\b/u;
const DISCLAIMER =
  /\b(?:views expressed|opinions expressed|views and opinions|all rights reserved|do not necessarily reflect)\b|©/iu;
const BYLINE =
  /^(?:by|written by|reporting by|edited by|photos? by|image credit|credit|source|updated|published)\s*:?\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,))*\s*(?:[|–—-]\s*.{0,60})?$/u;
const URL = /^(?:https?:\/\/|www\.)\S+$/iu;
const FURNITURE_LEAD =
  /^(?:read more|also read|related|recommended|advertisement|subscribe|sign up|follow us|share this|click here|watch|listen)\b/iu;

// A full stop, question or exclamation mark followed by the capital that opens another sentence.
const INNER_SENTENCE_END = /\p{Ll}[.!?]["”’)]?\s+\p{Lu}/u;

// Emoji and other symbols after the full stop do not make a sentence into a headline.
const TRAILING_SYMBOL = /[\p{So}\p{Sk}\p{Cf}\p{M}\s]/u;

function endsLikeSentence(text: string): boolean {
  let end = text.length;
  // Walk back by code unit; a lone surrogate half of an emoji is matched as its pair's end below.
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code >= 0xdc00 && code <= 0xdfff && end >= 2) {
      if (!TRAILING_SYMBOL.test(text.slice(end - 2, end))) break;
      end -= 2;
    } else if (TRAILING_SYMBOL.test(text.charAt(end - 1))) end--;
    else break;
  }
  return TERMINAL.test(text.slice(Math.max(0, end - 8), end));
}

function countWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

// Headlines capitalise most of their longer words; prose sentences rarely do.
function isTitleCase(words: string[]): boolean {
  const long = words.filter((w) => w.length >= 4);
  if (long.length < 3) return false;
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / long.length >= 0.7;
}

// Items separated by pipes or middle dots are menus ("Home | World | Sport").
function isLinkList(text: string): boolean {
  const items = text.split(/\s+[|·•]\s+|\s*\|\s*/u).filter((s) => s.trim() !== "");
  if (items.length < 3) return false;
  return items.every((item) => countWords(item).length <= 4 && !TERMINAL.test(item.trim()));
}

// Furniture is short: beyond this many characters only a bio can still be furniture, and the
// word-level tests are skipped so long paragraphs cost one pass.
const SHORT_TEXT = 500;

/** True when a paragraph (its lines already joined) is page furniture rather than prose. */
export function isFurniture(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return true;
  if (BIO.test(trimmed)) return true;
  if (trimmed.length > SHORT_TEXT) return false;
  const words = countWords(trimmed);
  if (words.length <= 1) return true;
  const bullet = BULLET.exec(trimmed);
  if (bullet) {
    const rest = trimmed.slice(bullet[0].length);
    if (!endsLikeSentence(rest) || countWords(rest).length <= 6) return true;
  }
  if (URL.test(trimmed) || isLinkList(trimmed) || DISCLAIMER.test(trimmed)) return true;
  if (words.length <= 12 && (BYLINE.test(trimmed) || FURNITURE_LEAD.test(trimmed))) return true;
  // Headlines, captions, menu entries and section labels do not end like a sentence. A long run
  // without an ending, or one with a sentence ending inside it, is more likely a paragraph whose
  // last full stop went missing.
  if (!endsLikeSentence(trimmed) && words.length <= 25 && !INNER_SENTENCE_END.test(trimmed)) {
    return true;
  }
  if (words.length <= 20 && isTitleCase(words)) return true;
  return false;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf("\n", start);
    if (nl < 0) nl = text.length;
    const raw = text.slice(start, nl);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    lines.push({ start: start + lead, end: start + lead + body.length, text: body });
    start = nl + 1;
  }
  return lines;
}

// A line continues the one before it when the earlier line is long and stops mid-sentence:
// that is how hard-wrapped text looks, while menus and headline lists are short lines.
function continuesParagraph(previous: Line, line: Line): boolean {
  return previous.text.length >= 50 && !endsLikeSentence(previous.text) && !BULLET.test(line.text);
}

/**
 * The prose paragraphs of `text`, in order, as ranges of `text`, each trimmed of white space.
 * Runs in one pass over the lines.
 */
export function findParagraphs(text: string): TextRange[] {
  const paragraphs: TextRange[] = [];
  let current: Line[] = [];
  const flush = () => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) {
      const joined = current.map((l) => l.text).join(" ");
      if (!isFurniture(joined)) paragraphs.push({ start: first.start, end: last.end });
    }
    current = [];
  };
  for (const line of splitLines(text)) {
    if (line.text === "") {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    if (previous && !continuesParagraph(previous, line)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}
