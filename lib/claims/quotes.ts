// Quotation marks and who is being quoted.

export interface Quotation {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the paragraph's length when the quotation runs on. */
  close: number;
}

const OPENING = new Set(["“", "„", "«"]);
const CLOSING = new Set(["”", "»"]);
// Two apostrophes stand for a straight double quote in some wire copy (''like this'').
const QUOTE_MARK = /''|["“”„«»]/g;

/**
 * Quotations in a paragraph, from curly and straight double quotes. Straight quotes alternate
 * between opening and closing. A quotation still open at the end of the paragraph runs to its end,
 * as in news copy where a quote continues into the next paragraph.
 */
export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  let open = -1;
  QUOTE_MARK.lastIndex = 0;
  for (let match = QUOTE_MARK.exec(text); match; match = QUOTE_MARK.exec(text)) {
    const i = match.index;
    const ch = match[0];
    if (ch === '"' || ch === "''") {
      if (open < 0) open = i;
      else {
        quotations.push({ open, close: i });
        open = -1;
      }
    } else if (OPENING.has(ch)) {
      if (open < 0) open = i;
    } else if (CLOSING.has(ch)) {
      // Some copy uses the closing mark on both sides.
      if (open < 0) open = i;
      else {
        quotations.push({ open, close: i });
        open = -1;
      }
    }
  }
  if (open >= 0) quotations.push({ open, close: text.length });
  return quotations;
}
