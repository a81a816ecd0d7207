import { describe, expect, it } from "vitest";
import { reportModelJson } from "@/lib/reports";
import type { ReportModel } from "@/lib/reports/model";
import { draftModel, fixedModel } from "./fixture";

/** A model with more claims than one slice, each with text that needs escaping. */
function manyClaims(model: ReportModel, count: number): ReportModel {
  const [first] = model.claims;
  if (!first) throw new Error("the fixture has no claim");
  const claims = Array.from({ length: count }, (_, i) => ({
    ...first,
    number: i + 1,
    text: `${first.text} "${i}" \u2028 </script>`,
  }));
  return {
    ...model,
    claims,
    open: claims.map((c) => ({ number: c.number, text: c.text, status: c.status })),
  };
}

describe("the report model as JSON for the PDF worker", () => {
  it("decodes and parses back to what JSON.stringify of the model gives, for any number of claims", async () => {
    for (const model of [
      fixedModel(),
      draftModel(),
      manyClaims(fixedModel(), 1234),
      { ...fixedModel(), claims: [], open: [] },
    ]) {
      const text = new TextDecoder().decode(await reportModelJson(model));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(model)));
    }
  });
});
