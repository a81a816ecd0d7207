import fs from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { renderJson } from "@/lib/reports/render-json";
import { draftModel, fixedModel } from "./fixture";

const schema = JSON.parse(fs.readFileSync("lib/reports/report.schema.json", "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

describe("JSON renderer", () => {
  it("is the model and validates against the JSON Schema", () => {
    const parsed = JSON.parse(renderJson(fixedModel()));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    const { $schema, ...model } = parsed;
    expect($schema).toBe(schema.$id);
    expect(model).toEqual(fixedModel());
  });

  it("validates a draft too", () => {
    const parsed = JSON.parse(renderJson(draftModel()));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.draft).toBe(true);
  });

  it("rejects what the schema forbids", () => {
    const parsed = JSON.parse(renderJson(fixedModel()));
    parsed.claims[0].verdict.rating = "pants_on_fire";
    parsed.extra = 1;
    expect(validate(parsed)).toBe(false);
  });

  it("carries the speaker's role beside the speaker", () => {
    const model = fixedModel();
    const quoted = model.claims.find((c) => c.speaker) as (typeof model.claims)[number];
    quoted.speakerRole = "Tajik analyst";
    const parsed = JSON.parse(renderJson(model));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    const claim = parsed.claims.find((c: { id: string }) => c.id === quoted.id);
    expect([claim.speaker, claim.speakerRole]).toEqual([quoted.speaker, "Tajik analyst"]);
  });
});
