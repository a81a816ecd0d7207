import { CLAIM_STATUS_LABEL } from "@/db/schema/constants";
import { stripBidiControls } from "@/lib/bidi";
import { escapeHtml } from "@/lib/html";
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
import { REPORT_CSS } from "./styles";

const e = escapeHtml;
/** User text, isolated so bidirectional controls in it cannot reorder what follows (lib/bidi.ts). */
const u = (value: string) => `<bdi>${escapeHtml(value)}</bdi>`;

function link(url: string, text: string): string {
  const href = safeHttpUrl(url);
  return href
    ? `<a href="${e(href)}" rel="noopener noreferrer nofollow">${u(text)}</a>`
    : `<span>${u(text)}</span>`;
}

function metaRows(model: ReportModel): string {
  const a = model.article;
  const rows: [string, string][] = [
    ["Outlet", a.outlet ? u(a.outlet) : "—"],
    ["Author", a.author ? u(a.author) : "—"],
    [
      "Published",
      e(a.publishedOn ? `${a.publishedOn}${a.publishedApproximate ? " (approximate)" : ""}` : "—"),
    ],
    ["Article URL", a.url ? link(a.url, a.url) : "—"],
    ["Checked by", u(model.organization)],
    ["Report generated", e(day(model.generatedAt))],
  ];
  if (model.publication)
    rows.push(["Published report", link(model.publication.url, model.publication.url)]);
  return rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("");
}

function draftBlock(model: ReportModel): string {
  if (!model.draft) return "";
  const items = model.open
    .map((c) => `<li>Claim ${c.number} (${e(CLAIM_STATUS_LABEL[c.status])}): ${u(c.text)}</li>`)
    .join("");
  return `<div class="report-draft" role="note"><p>DRAFT — not every claim has an approved verdict. Still open:</p><ul>${items}</ul></div><div class="report-draft-repeat" aria-hidden="true">DRAFT</div>`;
}

function summary(model: ReportModel): string {
  const s = model.summary;
  const counts = model.ratingScale
    .filter((r) => s.verdictCounts[r.rating] > 0)
    .map((r) => `<tr><td>${e(r.label)}</td><td>${s.verdictCounts[r.rating]}</td></tr>`)
    .join("");
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2><p>${s.claimsChecked} of ${s.claimsTotal - s.claimsDismissed} claims checked; ${s.claimsOpen} open; ${s.claimsDismissed} dismissed as not check-worthy.</p>${counts ? `<table><caption class="report-muted">Verdicts</caption><thead><tr><th scope="col">Rating</th><th scope="col">Claims</th></tr></thead><tbody>${counts}</tbody></table>` : ""}</section>`;
}

function body(model: ReportModel): string {
  const parts = segmentBody(model.article.body, model.claims).map((seg) =>
    seg.claim === null
      ? u(seg.text)
      : `<mark class="report-claim" id="ref-${seg.claim}"><a href="#claim-${seg.claim}">${u(seg.text)}</a></mark><sup><a href="#claim-${seg.claim}" aria-label="Claim ${seg.claim}">[${seg.claim}]</a></sup>`,
  );
  return `<section aria-labelledby="article-text"><h2 id="article-text">Article text</h2><div class="report-body">${parts.join("")}</div></section>`;
}

function claimCard(claim: ReportClaim): string {
  const v = claim.verdict;
  const verdict = v
    ? `<p class="report-verdict">Verdict: ${e(v.label)}${v.ratingValue !== null ? ` (${v.ratingValue} of 5)` : ""}</p><p>${u(v.rationale)}</p><p class="report-muted">Reviewed by ${v.reviewer ? u(v.reviewer) : "—"} on ${e(day(v.proposedAt))}; approved by ${v.approver ? u(v.approver) : "—"} on ${e(day(v.approvedAt))}.${claim.recheckOn ? ` To be checked again on ${e(claim.recheckOn)}.` : ""}</p>`
    : `<p class="report-verdict">No approved verdict yet (${e(CLAIM_STATUS_LABEL[claim.status])}).</p>`;
  const sources = claim.sources.length
    ? `<ol class="report-sources">${claim.sources
        .map(
          (s) =>
            `<li value="${s.number}" id="source-${s.number}">${link(s.url, s.title)}${s.publisher ? ` — ${u(s.publisher)}` : ""}. <span class="report-muted">${e(STANCE_LABEL[s.stance])}${s.accessedOn ? `; accessed ${e(s.accessedOn)}` : ""}.</span> <span class="report-muted">${u(s.url)}</span>${s.excerpt ? `<blockquote>${u(s.excerpt)}</blockquote>` : ""}</li>`,
        )
        .join("")}</ol>`
    : `<p class="report-muted">No sources.</p>`;
  const values = formatValues(claim.values);
  return `<article class="report-card" id="${claim.anchor}" aria-labelledby="${claim.anchor}-title"><h3 id="${claim.anchor}-title">Claim ${claim.number} <a href="#ref-${claim.number}" class="report-muted" aria-label="Back to claim ${claim.number} in the article text">↑</a></h3><blockquote>${u(claim.text)}</blockquote><p class="report-muted">Kind: ${e(claim.kind)}${claim.speaker ? `; speaker: ${u(formatSpeaker(claim))}` : ""}${values ? `; values: ${u(values)}` : ""}</p>${verdict}<h4>Sources</h4>${sources}</article>`;
}

function methodology(model: ReportModel): string {
  const rows = model.ratingScale
    .map((r) => `<tr><td>${e(r.label)}</td><td>${r.value ?? "not on the scale"}</td></tr>`)
    .join("");
  return `<section aria-labelledby="methodology"><h2 id="methodology">Methodology</h2><p>${e(model.methodology)}</p><table><caption class="report-muted">Rating scale</caption><thead><tr><th scope="col">Rating</th><th scope="col">Value (1–5)</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function corrections(model: ReportModel): string {
  const items = model.corrections
    .map(
      (c) =>
        `<li><time datetime="${e(c.date)}">${e(day(c.date))}</time>${c.claimNumber ? ` — <a href="#claim-${c.claimNumber}">claim ${c.claimNumber}</a>` : ""}: ${u(c.description)} <span class="report-muted">Why: ${u(c.reason)}</span></li>`,
    )
    .join("");
  return `<section aria-labelledby="corrections"><h2 id="corrections">Corrections</h2>${items ? `<ul>${items}</ul>` : "<p>No corrections.</p>"}</section>`;
}

/** A complete, self-contained, print-ready HTML document (no scripts). */
export function renderHtml(model: ReportModel): string {
  // A <title> holds text only, so there the controls are stripped instead.
  const title = `${model.draft ? "DRAFT — " : ""}Fact-check: ${stripBidiControls(model.article.title)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${REPORT_CSS}</style></head>
<body><main class="report-doc">${draftBlock(model)}<header><p class="report-muted">Fact-check report</p><h1>${u(model.article.title)}</h1><dl class="report-meta">${metaRows(model)}</dl></header>${summary(model)}${body(model)}<section aria-labelledby="claims"><h2 id="claims">Claims and verdicts</h2>${model.claims.map(claimCard).join("")}</section>${methodology(model)}${corrections(model)}</main></body></html>
`;
}
