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
} from "@/lib/reports/model";
import { REPORT_CSS } from "@/lib/reports/styles";

/**
 * The report as a page, from the same model and stylesheet as the downloaded HTML file; used by
 * the signed-in report page and the public link. Every piece of user text is React text.
 */
function Link({ url, children }: { url: string; children: string }) {
  const href = safeHttpUrl(url);
  return href ? (
    <a href={href} rel="noopener noreferrer nofollow">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}

function Draft({ model }: { model: ReportModel }) {
  if (!model.draft) return null;
  return (
    <>
      <div className="report-draft" role="note">
        <p>DRAFT — not every claim has an approved verdict. Still open:</p>
        <ul>
          {model.open.map((c) => (
            <li key={c.number}>
              Claim {c.number} ({CLAIM_STATUS_LABEL[c.status]}): <bdi>{c.text}</bdi>
            </li>
          ))}
        </ul>
      </div>
      <div className="report-draft-repeat" aria-hidden="true">
        DRAFT
      </div>
    </>
  );
}

function Meta({ model }: { model: ReportModel }) {
  const a = model.article;
  return (
    <dl className="report-meta">
      <dt>Outlet</dt>
      <dd>{a.outlet ?? "—"}</dd>
      <dt>Author</dt>
      <dd>{a.author ?? "—"}</dd>
      <dt>Published</dt>
      <dd>
        {a.publishedOn ? `${a.publishedOn}${a.publishedApproximate ? " (approximate)" : ""}` : "—"}
      </dd>
      <dt>Article URL</dt>
      <dd>{a.url ? <Link url={a.url}>{a.url}</Link> : "—"}</dd>
      <dt>Checked by</dt>
      <dd>{model.organization}</dd>
      <dt>Report generated</dt>
      <dd>{day(model.generatedAt)}</dd>
      {model.publication ? (
        <>
          <dt>Published report</dt>
          <dd>
            <Link url={model.publication.url}>{model.publication.url}</Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Summary({ model }: { model: ReportModel }) {
  const s = model.summary;
  const rows = model.ratingScale.filter((r) => s.verdictCounts[r.rating] > 0);
  return (
    <section aria-labelledby="summary">
      <h2 id="summary">Summary</h2>
      <p>
        {s.claimsChecked} of {s.claimsTotal - s.claimsDismissed} claims checked; {s.claimsOpen}{" "}
        open; {s.claimsDismissed} dismissed as not check-worthy.
      </p>
      {rows.length ? (
        <table>
          <caption className="report-muted">Verdicts</caption>
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rating}>
                <td>{r.label}</td>
                <td>{s.verdictCounts[r.rating]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function ArticleText({ model }: { model: ReportModel }) {
  return (
    <section aria-labelledby="article-text">
      <h2 id="article-text">Article text</h2>
      <div className="report-body">
        {segmentBody(model.article.body, model.claims).map((seg, i) =>
          seg.claim === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed for a render
            <span key={i}>{seg.text}</span>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed for a render
            <span key={i}>
              <mark className="report-claim" id={`ref-${seg.claim}`}>
                <a href={`#claim-${seg.claim}`}>{seg.text}</a>
              </mark>
              <sup>
                <a href={`#claim-${seg.claim}`} aria-label={`Claim ${seg.claim}`}>
                  [{seg.claim}]
                </a>
              </sup>
            </span>
          ),
        )}
      </div>
    </section>
  );
}

function ClaimCard({ claim }: { claim: ReportClaim }) {
  const v = claim.verdict;
  const values = formatValues(claim.values);
  return (
    <article className="report-card" id={claim.anchor} aria-labelledby={`${claim.anchor}-title`}>
      <h3 id={`${claim.anchor}-title`}>
        Claim {claim.number}{" "}
        <a
          href={`#ref-${claim.number}`}
          className="report-muted"
          aria-label={`Back to claim ${claim.number} in the article text`}
        >
          ↑
        </a>
      </h3>
      <blockquote>{claim.text}</blockquote>
      <p className="report-muted">
        Kind: {claim.kind}
        {claim.speaker ? (
          <>
            ; speaker: <bdi>{formatSpeaker(claim)}</bdi>
          </>
        ) : null}
        {values ? (
          <>
            ; values: <bdi>{values}</bdi>
          </>
        ) : null}
      </p>
      {v ? (
        <>
          <p className="report-verdict">
            Verdict: {v.label}
            {v.ratingValue !== null ? ` (${v.ratingValue} of 5)` : ""}
          </p>
          <p>{v.rationale}</p>
          <p className="report-muted">
            Reviewed by <bdi>{v.reviewer ?? "—"}</bdi> on {day(v.proposedAt)}; approved by{" "}
            <bdi>{v.approver ?? "—"}</bdi> on {day(v.approvedAt)}.
          </p>
        </>
      ) : (
        <p className="report-verdict">
          No approved verdict yet ({CLAIM_STATUS_LABEL[claim.status]}).
        </p>
      )}
      <h4>Sources</h4>
      {claim.sources.length ? (
        <ol className="report-sources">
          {claim.sources.map((s) => (
            <li key={s.number} value={s.number} id={`source-${s.number}`}>
              <Link url={s.url}>{s.title}</Link>
              {s.publisher ? (
                <>
                  {" — "}
                  <bdi>{s.publisher}</bdi>
                </>
              ) : null}
              .{" "}
              <span className="report-muted">
                {STANCE_LABEL[s.stance]}
                {s.accessedOn ? `; accessed ${s.accessedOn}` : ""}.
              </span>{" "}
              <span className="report-muted">{s.url}</span>
              {s.excerpt ? <blockquote>{s.excerpt}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="report-muted">No sources.</p>
      )}
    </article>
  );
}

function Methodology({ model }: { model: ReportModel }) {
  return (
    <section aria-labelledby="methodology">
      <h2 id="methodology">Methodology</h2>
      <p>{model.methodology}</p>
      <table>
        <caption className="report-muted">Rating scale</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">Value (1–5)</th>
          </tr>
        </thead>
        <tbody>
          {model.ratingScale.map((r) => (
            <tr key={r.rating}>
              <td>{r.label}</td>
              <td>{r.value ?? "not on the scale"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Corrections({ model }: { model: ReportModel }) {
  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">Corrections</h2>
      {model.corrections.length ? (
        <ul>
          {model.corrections.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only and ordered
            <li key={i}>
              <time dateTime={c.date}>{day(c.date)}</time>
              {c.claimNumber ? (
                <>
                  {" — "}
                  <a href={`#claim-${c.claimNumber}`}>claim {c.claimNumber}</a>
                </>
              ) : null}
              : <bdi>{c.description}</bdi>{" "}
              <span className="report-muted">
                Why: <bdi>{c.reason}</bdi>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No corrections.</p>
      )}
    </section>
  );
}

export function ReportView({ model }: { model: ReportModel }) {
  return (
    <div className="report-doc">
      <style>{REPORT_CSS}</style>
      <Draft model={model} />
      <header>
        <p className="report-muted">Fact-check report</p>
        <h1>{model.article.title}</h1>
        <Meta model={model} />
      </header>
      <Summary model={model} />
      <ArticleText model={model} />
      <section aria-labelledby="claims">
        <h2 id="claims">Claims and verdicts</h2>
        {model.claims.map((claim) => (
          <ClaimCard key={claim.id} claim={claim} />
        ))}
      </section>
      <Methodology model={model} />
      <Corrections model={model} />
    </div>
  );
}
