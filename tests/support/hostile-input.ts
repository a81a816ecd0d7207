import fc from "fast-check";
import { z } from "zod";

/**
 * Arbitrary input that a public endpoint can receive: control characters, lone surrogates,
 * bidi and zero-width marks, 100,000-character strings, wrong types and missing fields.
 */

const HOSTILE_UNITS = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u0008",
  "\t",
  "\n",
  "\u000b",
  "\u000c",
  "\r",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\ud800",
  "\udfff",
  "\ufeff",
  "\u200b",
  "\u202e",
  "\u2028",
  "😀",
  "e\u0301",
  "é",
  "%",
  "_",
  "\\",
  "'",
  '"',
  "<",
  " ",
  "a",
  "Z",
  "0",
];

export const hostileUnit = fc.oneof(
  fc.constantFrom(...HOSTILE_UNITS),
  fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);

/** Long enough to pass any length limit, or far past it. */
const HUGE = [
  "a".repeat(100_000),
  "\u0000".repeat(100_000),
  `${"word ".repeat(20_000)}\ud800`,
  "\u0007".repeat(100_000),
  "😀".repeat(50_000),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: hostileUnit, maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);

/** Plain text with one hostile character put somewhere in it. */
export function withHostileCharacter(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: text.length }), hostileUnit)
    .map(([at, unit]) => text.slice(0, at) + unit + text.slice(at));
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, undefined, 0, -1, 1.5, Number.NaN, true, [], {}, [null]),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const TEXT = "Fact check 2,500 troops";

/** A value the schema would accept on its face (or near it), so the hostile fields get checked. */
function plausible(schema: JsonSchema, key: string): fc.Arbitrary<unknown> {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => plausible(option, key)));
  if (schema.allOf?.[0]) return plausible(schema.allOf[0], key);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string": {
      if (schema.format === "uuid") return fc.uuid({ version: 4 });
      if (schema.format === "email") return fc.constant("person@example.com");
      if (schema.format === "date" || schema.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) {
        return fc.constantFrom("2022-01-06", "2026-02-30");
      }
      if (/url/i.test(key)) return fc.constant("https://example.com/a");
      if (key === "token") return fc.constant("A".repeat(43));
      const min = schema.minLength ?? 0;
      const base = TEXT.repeat(Math.ceil((min + 1) / TEXT.length)).slice(0, Math.max(min, 23));
      return fc.oneof(fc.constant(base), withHostileCharacter(base));
    }
    case "integer":
    case "number":
      return fc.integer({ min: schema.minimum ?? 0, max: (schema.minimum ?? 0) + 20 });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? plausible(schema.items, key) : hostileValue, {
        minLength: 1,
        maxLength: 3,
      });
    case "object":
      return plausibleObject(schema);
    default:
      return hostileValue;
  }
}

function plausibleObject(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.properties) {
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      fields[key] = fc.oneof(
        { weight: 4, arbitrary: plausible(property, key) },
        { weight: 1, arbitrary: hostileValue },
      );
    }
    return fc.record(fields, { requiredKeys: [] });
  }
  const values = schema.additionalProperties;
  return fc.dictionary(
    fc.oneof(fc.constantFrom("speaker", "amount", "unit"), hostileString),
    typeof values === "object" ? fc.oneof(plausible(values, ""), hostileValue) : hostileValue,
    { maxKeys: 4 },
  );
}

/** Inputs for a zod schema: mostly well-shaped with hostile values in them, sometimes anything. */
export function inputsFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return fc.oneof(
    { weight: 6, arbitrary: plausible(json, "") },
    { weight: 1, arbitrary: hostileValue },
  );
}
