import { z } from "zod";

/**
 * Text that people type or paste: what every stored string field accepts. Control characters
 * (U+0000–U+001F and U+007F) are invisible, PostgreSQL refuses NUL outright, and a lone UTF-16
 * surrogate cannot be encoded as UTF-8 at all, so they are refused with a message under the field
 * rather than failing in the database. Multi-line fields keep tab and line feed; single-line fields
 * keep neither.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const SINGLE_LINE_BAD = /[\u0000-\u001f\u007f]|[\ud800-\udfff]/u;
// Carriage returns are normalised to line feeds before this check, so they are refused here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const MULTI_LINE_BAD = /[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udfff]/u;

export type TextKind = "single-line" | "multi-line";

export interface ForbiddenCharacter {
  /** UTF-16 index of the character in the value. */
  index: number;
  /** The character as U+XXXX. */
  codePoint: string;
  /** 1-based line of the character, counting line feeds. */
  line: number;
  reason: "line-break" | "control" | "surrogate";
}

/** The first character a field of this kind may not hold, or null when the text is fine. */
export function findForbiddenCharacter(value: string, kind: TextKind): ForbiddenCharacter | null {
  const match = (kind === "single-line" ? SINGLE_LINE_BAD : MULTI_LINE_BAD).exec(value);
  if (!match) return null;
  const index = match.index;
  const code = value.charCodeAt(index);
  let line = 1;
  for (let i = value.indexOf("\n"); i !== -1 && i < index; i = value.indexOf("\n", i + 1)) line++;
  return {
    index,
    codePoint: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
    line,
    reason:
      code >= 0xd800 && code <= 0xdfff
        ? "surrogate"
        : code === 0x0a || code === 0x0d || code === 0x09
          ? "line-break"
          : "control",
  };
}

/**
 * The message shown under a field for its first forbidden character; `subject` names the field
 * where the message is not shown beside it.
 */
export function forbiddenCharacterMessage(found: ForbiddenCharacter, subject = "This"): string {
  switch (found.reason) {
    case "line-break":
      return subject === "This"
        ? "Keep this to one line (no line breaks or tabs)."
        : `Keep ${subject} to one line (no line breaks or tabs).`;
    case "surrogate":
      return `${subject} contains a broken character (an unpaired surrogate, ${found.codePoint}) at position ${found.index + 1}. Type that character again.`;
    case "control":
      return `${subject} contains an invisible control character (${found.codePoint}) at position ${found.index + 1}. Remove it.`;
  }
}

/** A zod check refusing what a field of this kind may not hold; for schemas that do not trim. */
export function plainTextCheck(kind: TextKind) {
  return (ctx: z.core.ParsePayload<string>) => {
    const found = findForbiddenCharacter(ctx.value, kind);
    if (found) {
      ctx.issues.push({
        code: "custom",
        message: forbiddenCharacterMessage(found),
        input: ctx.value,
      });
    }
  };
}

/** CRLF and lone CR become LF, as browsers do for a textarea's value. */
export function normaliseLineEndings(value: string): string {
  return value.replace(/\r\n?/g, "\n");
}

/**
 * A one-line field (a title, a name, an outlet): trimmed, without line breaks, tabs or other
 * control characters. Chain `.min()`/`.max()` after it; its message comes first.
 */
export function singleLineText(params?: string | { message?: string }) {
  return z.string(params).trim().check(plainTextCheck("single-line"));
}

/**
 * A multi-line field (a comment, a note, a reason): line endings normalised to LF, trimmed, tab
 * and line feed allowed, other control characters refused.
 */
export function multiLineText(params?: string | { message?: string }) {
  return z
    .string(params)
    .overwrite(normaliseLineEndings)
    .trim()
    .check(plainTextCheck("multi-line"));
}
