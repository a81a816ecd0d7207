/*
 * The keyset cursor of the search results: the last result's score (an integer, the rank times a
 * million, so it compares exactly), its type's place in the order and its id, with a fingerprint
 * of the search it belongs to. It travels in the URL as opaque base64url JSON and is checked value
 * by value before any of it reaches a query: a damaged or hand-made cursor is refused with a
 * message, never passed on.
 */
import { isUuid } from "@/lib/validation/ids";

/** The shape's version: a cursor of an older shape is refused as damaged. */
const VERSION = 1;
/** The types' order among results of equal score (claims, articles, sources). */
export const TYPE_ORDERS = [0, 1, 2] as const;
export type TypeOrder = (typeof TYPE_ORDERS)[number];

export interface SearchCursor {
  score: number;
  type: TypeOrder;
  id: string;
}

export type CursorReading =
  | { ok: true; cursor: SearchCursor }
  | { ok: false; reason: "damaged" | "other-search" };

/**
 * A short fingerprint of a search (its words and filters), FNV-1a over their JSON: a cursor made
 * for one search is refused by another instead of starting it somewhere in the middle.
 */
export function searchFingerprint(search: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(search) ?? "") {
    const code = char.codePointAt(0) ?? 0;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function encodeCursor(cursor: SearchCursor, fingerprint: string): string {
  const values = [VERSION, fingerprint, cursor.score, cursor.type, cursor.id];
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

export function decodeCursor(value: string, fingerprint: string): CursorReading {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) return { ok: false, reason: "damaged" };
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "damaged" };
  }
  if (!Array.isArray(values) || values.length !== 5) return { ok: false, reason: "damaged" };
  const [version, print, score, type, id] = values as unknown[];
  if (
    version !== VERSION ||
    typeof print !== "string" ||
    !/^[0-9a-f]{8}$/.test(print) ||
    !Number.isSafeInteger(score) ||
    (score as number) < 0 ||
    !TYPE_ORDERS.includes(type as TypeOrder) ||
    typeof id !== "string" ||
    !isUuid(id)
  ) {
    return { ok: false, reason: "damaged" };
  }
  if (print !== fingerprint) return { ok: false, reason: "other-search" };
  return { ok: true, cursor: { score: score as number, type: type as TypeOrder, id } };
}
