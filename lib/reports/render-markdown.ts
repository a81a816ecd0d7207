import { CLAIM_STATUS_LABEL } from "@/db/schema/constants";
import {
  day,
  formatSpeaker,
  formatValues,
  type ReportClaim,
  type ReportModel,
  STANCE_LABEL,
  safeHttpUrl,
  segmentBody,
} from "./model";

/**
 * Inline text that stays text in CommonMark: every punctuation character with a meaning is
 * backslash-escaped (HTML tags and entities included), and line breaks become spaces so nothing
 * can start a heading, list or block of its own.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_{}[\]()<>#+\-!|~&"'.:=]/g, (ch) => `\\${ch}`);
}

/** A multi-line block (article text, excerpt): each line escaped, blank lines kept. */
function escapeBlock(value: string): string {
  return value.split("\n").map(escapeMarkdown).join("  \n");
}

const m = escapeMarkdown;

function link(url: string, text: string): string {
  const href = safeHttpUrl(url);
  // Angle-bracket destinations allow any URL; only < > and spaces need percent-encoding there.
  return href ? `[${m(text)}](<${href.replace(/[<> ]/g, (c) => encodeURIComponent(c))}>)` : m(text);
}

function claimSection(claim: ReportClaim): string[] {
  const v = claim.verdict;
  const values = formatValues(claim.values);
  const lines = [
    `### Claim ${claim.number}`,
    "",
    `> ${m(claim.text)}`,
    "",
    `- Kind: ${m(claim.kind)}`,
    ...(claim.speaker ? [`- Speaker: ${m(formatSpeaker(claim))}`] : []),
    ...(values ? [`- Values: ${m(values)}`] : []),
  ];
  if (v) {
    lines.push(
      `- **Verdict: ${m(v.label)}**${v.ratingValue !== null ? ` \\(${v.ratingValue} of 5\\)` : ""}`,
      `- Reviewed by ${m(v.reviewer ?? "—")} on ${m(day(v.proposedAt))}; approved by ${m(v.approver ?? "—")} on ${m(day(v.approvedAt))}`,
      ...(claim.recheckOn ? [`- To be checked again on ${m(claim.recheckOn)}`] : []),
      "",
      m(v.rationale),
    );
  } else {
    lines.push(`- **No approved verdict yet** \\(${m(CLAIM_STATUS_LABEL[claim.status])}\\)`);
  }
  lines.push("", "Sources:", "");
  if (claim.sources.length === 0) lines.push("No sources\\.");
  for (const s of claim.sources) {
    lines.push(
      `${s.number}\\. ${link(s.url, s.title)}${s.publisher ? ` — ${m(s.publisher)}` : ""}; ${m(STANCE_LABEL[s.stance])}${s.accessedOn ? `; accessed ${m(s.accessedOn)}` : ""}; ${m(s.url)}`,
    );
    if (s.excerpt) lines.push(`    > ${m(s.excerpt)}`);
    lines.push("");
  }
  return lines;
}

/** Markdown for a content system: every piece of user text escaped. */
export function renderMarkdown(model: ReportModel): string {
  const a = model.article;
  const s = model.summary;
  const lines: string[] = [];
  if (model.draft) {
    lines.push(
      "**DRAFT — not every claim has an approved verdict\\.** Still open:",
      "",
      ...model.open.map(
        (c) => `- Claim ${c.number} \\(${m(CLAIM_STATUS_LABEL[c.status])}\\): ${m(c.text)}`,
      ),
      "",
    );
  }
  lines.push(
    `# Fact\\-check: ${m(a.title)}`,
    "",
    `- Outlet: ${m(a.outlet ?? "—")}`,
    `- Author: ${m(a.author ?? "—")}`,
    `- Published: ${a.publishedOn ? m(`${a.publishedOn}${a.publishedApproximate ? " (approximate)" : ""}`) : "—"}`,
    `- Article URL: ${a.url ? link(a.url, a.url) : "—"}`,
    `- Checked by: ${m(model.organization)}`,
    `- Report generated: ${m(day(model.generatedAt))}`,
    ...(model.publication
      ? [`- Published report: ${link(model.publication.url, model.publication.url)}`]
      : []),
    "",
    "## Summary",
    "",
    `${s.claimsChecked} of ${s.claimsTotal - s.claimsDismissed} claims checked; ${s.claimsOpen} open; ${s.claimsDismissed} dismissed as not check\\-worthy\\.`,
    "",
    ...model.ratingScale
      .filter((r) => s.verdictCounts[r.rating] > 0)
      .map((r) => `- ${m(r.label)}: ${s.verdictCounts[r.rating]}`),
    "",
    "## Article text",
    "",
    segmentBody(a.body, model.claims)
      .map((seg) =>
        seg.claim === null
          ? escapeBlock(seg.text)
          : `**${escapeBlock(seg.text)}** [\\[${seg.claim}\\]](#claim-${seg.claim})`,
      )
      .join(""),
    "",
    "## Claims and verdicts",
    "",
  );
  for (const claim of model.claims) lines.push(...claimSection(claim));
  lines.push("## Methodology", "", m(model.methodology), "", "Rating scale:", "");
  for (const r of model.ratingScale) {
    lines.push(`- ${m(r.label)}: ${r.value ?? "not on the scale"}`);
  }
  lines.push("", "## Corrections", "");
  if (model.corrections.length === 0) lines.push("No corrections\\.");
  for (const c of model.corrections) {
    lines.push(
      `- ${m(day(c.date))}${c.claimNumber ? ` — claim ${c.claimNumber}` : ""}: ${m(c.description)} Why: ${m(c.reason)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
