import { createHash } from "node:crypto";

/** Line endings to LF and nothing else: every claim offset refers to exactly this text. */
export function normaliseBody(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export function hashBody(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}
