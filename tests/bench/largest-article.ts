import fs from "node:fs";

/** What an import accepts at the most by default (MAX_IMPORT_BYTES). */
export const MAX_IMPORT_BYTES = 2_000_000;

/** MAX_IMPORT_BYTES of article text: the demo article again and again, its numbers varied. */
export function largestBody(): string {
  const demo = fs.readFileSync("db/demo/kazakhstan-csto/article.txt", "utf8");
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < MAX_IMPORT_BYTES; i++) {
    const part = demo.replace(/\d+/g, (d) => String(Number(d) + i));
    parts.push(part);
    bytes += Buffer.byteLength(part, "utf8") + 2;
  }
  let body = parts.join("\n\n");
  while (Buffer.byteLength(body, "utf8") > MAX_IMPORT_BYTES) body = body.slice(0, -1000);
  return body;
}
