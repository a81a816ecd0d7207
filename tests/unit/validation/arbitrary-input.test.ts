import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findForbiddenCharacter } from "@/lib/validation/text";
import { inputsFor } from "../../support/hostile-input";

// Every module of lib/validation, so a schema added there is covered without touching this file.
const modules = import.meta.glob<Record<string, unknown>>("../../../lib/validation/*.ts", {
  eager: true,
});

const schemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({
      name: `${file.split("/").pop()} ${name}`,
      schema,
      // A password is hashed, never stored or shown: any character is the user's to choose.
      stored: name !== "passwordSchema",
    })),
);

/**
 * Fields whose accepted value never reaches the database or a page as text: secrets that are
 * hashed, an opaque cursor that is decoded and checked, and a selection compared with the stored
 * article (the claim stores the article's own characters).
 */
const NOT_STORED_AS_TEXT = new Set(["password", "confirm", "token", "after", "text"]);

/** Every accepted string that will be stored or shown: key path and value. */
function storedStrings(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === "string") {
    return NOT_STORED_AS_TEXT.has(path.at(-1) ?? "") ? [] : [[path.join("."), value]];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => storedStrings(item, [...path, `${i}`]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(NOT_STORED_AS_TEXT.has(key)
        ? []
        : ([[[...path, key].join("."), key]] as [string, string][])),
      ...storedStrings(item, [...path, key]),
    ]);
  }
  return [];
}

describe("every schema in lib/validation against arbitrary input", () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(30);
  });

  it.each(schemas)(
    "$name answers a result and accepts only storable text",
    ({ schema, stored }) => {
      fc.assert(
        fc.property(inputsFor(schema), (input) => {
          const result = schema.safeParse(input);
          if (!result.success) {
            expect(result.error.issues.length).toBeGreaterThan(0);
            for (const issue of result.error.issues) expect(issue.message).toBeTypeOf("string");
            return;
          }
          for (const [path, text] of stored ? storedStrings(result.data) : []) {
            // Tab and line feed are the only control characters any stored field keeps.
            expect(
              findForbiddenCharacter(text, "multi-line"),
              `${path}: ${JSON.stringify(text.slice(0, 80))}`,
            ).toBeNull();
          }
        }),
        { numRuns: 150 },
      );
    },
  );
});
