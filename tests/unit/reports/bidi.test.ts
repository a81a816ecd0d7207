import { parse } from "csv-parse/sync";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { hasBidiControls, stripBidiControls, strippedOffsets } from "@/lib/bidi";
import { csvCell } from "@/lib/csv";
import { renderReport } from "@/lib/reports";
import { buildReportModel, type ReportModel, withoutBidiControls } from "@/lib/reports/model";
import { claimReviewForScript } from "@/lib/reports/render-claimreview";
import { FIXED_INPUT, OPTIONS } from "./fixture";

const RLO = "\u202E";
const CONTROLS = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
const ANY_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The fixture with override, embedding and isolate controls in every kind of user text. */
function spoofedModel(): ReportModel {
  const input = structuredClone(FIXED_INPUT);
  const shift = `${RLO}gnp.exe ${CONTROLS} `;
  input.article.body = shift + input.article.body;
  input.article.title = `Title ${RLO}3202-10-50`;
  input.article.outlet = `Outlet${RLO}`;
  input.article.author = `\u2067Author`;
  for (const claim of input.claims) {
    claim.start += shift.length;
    claim.end += shift.length;
    claim.speaker = `Speaker ${RLO}`;
    if (claim.verdict) {
      claim.verdict.proposedBy = `Rita${RLO}`;
      claim.verdict.approvedBy = `Eddie\u202D`;
      claim.verdict.rationale = `${RLO}rationale`;
    }
    for (const source of claim.sources) {
      source.title = `Source ${RLO}title`;
      source.publisher = `Pub\u202B`;
      source.excerpt = `Excerpt ${RLO}`;
    }
  }
  // A claim whose own text holds a control: its span must still cover the same words.
  const first = input.claims[0];
  if (first) {
    const at = first.start + 6;
    input.article.body = `${input.article.body.slice(0, at)}${RLO}${input.article.body.slice(at)}`;
    first.end += 1;
    for (const other of input.claims.slice(1)) {
      other.start += 1;
      other.end += 1;
    }
    first.text = input.article.body.slice(first.start, first.end);
  }
  for (const c of input.corrections) {
    c.description = `Fixed ${RLO}`;
    c.reason = `Because\u2066`;
  }
  return buildReportModel(input, OPTIONS);
}

async function text(model: ReportModel, format: Parameters<typeof renderReport>[1]) {
  const { body } = await renderReport(model, format);
  return typeof body === "string" ? body : body.toString("utf8");
}

describe("bidirectional controls: the helpers", () => {
  it("strips exactly U+202A–U+202E and U+2066–U+2069, keeping LRM/RLM/ALM", () => {
    expect(stripBidiControls(`a${CONTROLS}b\u200E\u200F\u061C`)).toBe("ab\u200E\u200F\u061C");
    expect(hasBidiControls("\u2069")).toBe(true);
    expect(hasBidiControls("\u200F")).toBe(false);
  });

  it("strips every CSV cell (the claim list's export too) before the formula check", () => {
    expect(csvCell(`${RLO}=HYPERLINK("http://evil.test")`)).toBe(
      `"'=HYPERLINK(""http://evil.test"")"`,
    );
    expect(csvCell(`Rita${RLO} \u2066x\u2069`)).toBe("Rita x");
  });

  it("maps offsets to the stripped text", () => {
    const s = `ab${RLO}cd${RLO}`;
    const at = strippedOffsets(s);
    expect(at).toEqual([0, 1, 2, 2, 3, 4, 4]);
    expect("abcd".slice(at[3], at[5])).toBe(s.slice(3, 5));
  });

  it("gives a model whose claims cover the same words of the stripped article", () => {
    const model = spoofedModel();
    const plain = withoutBidiControls(model);
    expect(JSON.stringify(plain)).not.toMatch(ANY_CONTROL);
    for (const [i, claim] of plain.claims.entries()) {
      const original = model.claims[i];
      if (!original) throw new Error("claim lost");
      expect(plain.article.body.slice(claim.start, claim.end)).toBe(
        stripBidiControls(model.article.body.slice(original.start, original.end)),
      );
      expect(claim.text).toBe(plain.article.body.slice(claim.start, claim.end));
    }
  });
});

describe("bidirectional controls in every export", () => {
  const model = spoofedModel();

  it("HTML isolates every piece of user text in <bdi> and strips the <title>", async () => {
    const html = await text(model, "html");
    expect(html).toMatch(ANY_CONTROL);
    const outside = html.replace(/<bdi>[^<]*<\/bdi>/g, "");
    expect(outside).not.toMatch(ANY_CONTROL);
    expect(html).toContain(`<h1><bdi>Title ${RLO}3202-10-50</bdi></h1>`);
    expect(html).toMatch(/Reviewed by <bdi>Rita\u202E<\/bdi> on 2026-01-02/);
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
    expect(title).toBe("Fact-check: Title 3202-10-50");
  });

  it("Markdown, CSV, JSON and ClaimReview have none left", async () => {
    for (const format of ["md", "csv", "json", "claimreview"] as const) {
      const body = await text(model, format);
      expect(body, format).not.toMatch(ANY_CONTROL);
      expect(body, format).toMatch(/Source title|Title 3202-10-50/);
    }
    expect(claimReviewForScript(model)).not.toMatch(ANY_CONTROL);
  });

  it("keeps the claim highlight on the same words in Markdown, and CSV cells intact", async () => {
    const md = await text(model, "md");
    expect(md).toContain("**Troops numbering around 2,500 personnel arrived\\.** [\\[1\\]]");
    const rows = parse(await text(model, "csv"), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows[0]?.claim).toBe("Troops numbering around 2,500 personnel arrived.");
    expect(rows[0]?.reviewer).toBe("Rita");
    expect(rows[0]?.values).toBe("about 2,500 personnel");
  });

  describe("PDF", () => {
    let all = "";
    beforeAll(async () => {
      const { body } = await renderReport(model, "pdf");
      const doc = await getDocument({ data: new Uint8Array(body as Buffer), useSystemFonts: false })
        .promise;
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        all += content.items.map((item) => ("str" in item ? item.str : "")).join("");
      }
      await doc.destroy();
    }, 30_000);

    it("has none left, and the text is all there", () => {
      expect(all).not.toMatch(ANY_CONTROL);
      const flat = all.replace(/\s+/g, "");
      expect(flat).toContain("Title3202-10-50");
      expect(flat).toContain("Troopsnumberingaround2,500personnelarrived.[1]");
      expect(flat).toContain("ReviewedbyRitaon2026-01-02");
    });
  });
});
