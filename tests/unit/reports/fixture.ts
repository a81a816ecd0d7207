import { buildReportModel, type ReportInput, type ReportModel } from "@/lib/reports/model";

/** Markup, formula and script-closing text that every format must keep inert. */
export const HOSTILE = {
  script: '<script>alert("x")</script>',
  closer: "</script><script>alert(1)</script>",
  formula: '=HYPERLINK("http://evil.test","x")',
  image: '<img src=x onerror="alert(1)">',
  markdownLink: "[click](javascript:alert(1))",
};

const body =
  `Troops numbering around 2,500 personnel arrived. ${HOSTILE.script} Қазақстан: ә ғ қ ң ө ұ ү һ і.\n\n` +
  `The withdrawal was slated to be completed by 19 January. ${HOSTILE.image}\n` +
  "Opinion sentence that was dismissed.";

const troops = "Troops numbering around 2,500 personnel arrived.";
const withdrawal = "The withdrawal was slated to be completed by 19 January.";
const dismissed = "Opinion sentence that was dismissed.";

export const FIXED_INPUT: ReportInput = {
  article: {
    id: "11111111-1111-4111-8111-111111111111",
    title: `Kazakhstan ${HOSTILE.script} Қазақстан`,
    outlet: "India Narrative",
    author: "Aditi Bhaduri",
    url: "https://example.org/article?a=1&b=2",
    publishedOn: "2022-01-15",
    publishedApproximate: true,
    body,
  },
  claims: [
    {
      id: "22222222-2222-4222-8222-222222222222",
      text: troops,
      start: body.indexOf(troops),
      end: body.indexOf(troops) + troops.length,
      kind: "quantity",
      values: { quantity: 2500, approximate: true, unit: "personnel" },
      speaker: null,
      status: "approved",
      verdict: {
        rating: "mostly_true",
        rationale: `CSTO figures say 2,030 troops ${HOSTILE.closer} Ministry: ә ғ қ ң ө ұ ү һ і`,
        proposedBy: "Rita Reviewer",
        proposedAt: "2026-01-02T10:00:00.000Z",
        approvedBy: "Eddie Editor",
        approvedAt: "2026-01-03T11:00:00.000Z",
      },
      sources: [
        {
          title: `CSTO statement ${HOSTILE.image}`,
          publisher: "CSTO",
          url: "https://odkb-csto.org/news/1",
          stance: "supports",
          excerpt: HOSTILE.formula,
          accessedOn: "2026-01-02",
        },
        {
          title: HOSTILE.markdownLink,
          publisher: null,
          url: "javascript:alert(1)",
          stance: "context",
          excerpt: null,
          accessedOn: null,
        },
      ],
    },
    {
      id: "33333333-3333-4333-8333-333333333333",
      text: withdrawal,
      start: body.indexOf(withdrawal),
      end: body.indexOf(withdrawal) + withdrawal.length,
      kind: "date",
      values: { date: "2022-01-19" },
      speaker: "Parvaiz <b>Mullajanov</b>",
      status: "approved",
      verdict: {
        rating: "misleading",
        rationale: `${HOSTILE.formula} Withdrawal ended on 19 January.`,
        proposedBy: "Rita Reviewer",
        proposedAt: "2026-01-04T10:00:00.000Z",
        approvedBy: "Eddie Editor",
        approvedAt: "2026-01-05T11:00:00.000Z",
      },
      sources: [
        {
          title: "Kremlin transcript",
          publisher: "Kremlin",
          url: "https://en.kremlin.ru/events/1",
          stance: "refutes",
          excerpt: "Withdrawal by 19 January",
          accessedOn: "2026-01-04",
        },
      ],
    },
    {
      id: "44444444-4444-4444-8444-444444444444",
      text: dismissed,
      start: body.indexOf(dismissed),
      end: body.indexOf(dismissed) + dismissed.length,
      kind: "statement",
      values: {},
      speaker: null,
      status: "dismissed",
      verdict: null,
      sources: [],
    },
  ],
  corrections: [
    {
      createdAt: "2026-01-06T09:00:00.000Z",
      claimId: "33333333-3333-4333-8333-333333333333",
      description: "Claim 2: rating changed from False to Misleading.",
      reason: `New transcript ${HOSTILE.script}`,
    },
  ],
};

export const OPTIONS = {
  organization: "Claimtrack Desk",
  generatedAt: "2026-01-07T12:00:00.000Z",
  reportUrl: "https://reports.example/r/token123",
  publication: { url: "https://reports.example/r/token123", publishedAt: "2026-01-06T09:00:00Z" },
};

export function fixedModel(): ReportModel {
  return buildReportModel(FIXED_INPUT, OPTIONS);
}

/** The same article with its second claim back in review: a DRAFT. */
export function draftModel(): ReportModel {
  const input = structuredClone(FIXED_INPUT);
  const second = input.claims[1];
  if (second) {
    second.status = "in_review";
    second.verdict = null;
  }
  return buildReportModel(input, { ...OPTIONS, publication: null });
}
