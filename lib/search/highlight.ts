/*
 * Matched words come back from PostgreSQL's ts_headline wrapped in two markers; the page turns the
 * pieces between them into <mark> elements and everything else into plain text, so no markup from
 * the database (or from a hostile claim) is ever parsed as HTML.
 *
 * The markers are STX and ETX (start and end of text), control characters that no stored text may
 * hold (lib/validation/text.ts refuses them in every field and in imported articles). The search
 * query strips them from the text before ts_headline as well, so a row written some other way
 * cannot forge a highlight either; and this splitter ignores a marker out of place.
 */

export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export interface HighlightPiece {
  text: string;
  /** A word (or phrase) the search matched. */
  mark: boolean;
}

/**
 * The pieces of a marked text, in order, with no empty piece and no two neighbours of the same
 * kind. A start inside a mark, an end outside one, and a mark left open at the end are ignored:
 * the words stay, unmarked where the marking was not closed.
 */
export function splitHighlight(value: string): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === "") return;
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += text;
    else pieces.push({ text, mark });
  };
  let plain = "";
  let marked: string | null = null;
  for (const char of value) {
    if (char === MARK_START) {
      if (marked === null) {
        push(plain, false);
        plain = "";
        marked = "";
      }
    } else if (char === MARK_END) {
      if (marked !== null) {
        push(marked, true);
        marked = null;
      }
    } else if (marked !== null) {
      marked += char;
    } else {
      plain += char;
    }
  }
  push(plain + (marked ?? ""), false);
  return pieces;
}

/** The text without its markers: what a screen reader or a plain-text field gets. */
export function plainText(pieces: readonly HighlightPiece[]): string {
  return pieces.map((piece) => piece.text).join("");
}
