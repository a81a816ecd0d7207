import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims } from "@/db/schema";
import { makeUser } from "../factories";
import {
  at,
  hoursAfter,
  makeDashboardArticle,
  makeDashboardClaim,
  makeVerdict,
} from "../factories/dashboard";

/**
 * A desk where every dashboard figure is known by hand. The period under test is the three weeks
 * from Monday 2026-01-05 to Sunday 2026-01-25; A3 and its claims come from before it.
 * (Figures in the comments are for the whole desk with no filter.)
 */
export async function buildDesk(db: Db) {
  const editor = await makeUser(db, { role: "editor", name: "Erin Editor" });
  const r1 = await makeUser(db, { role: "reviewer", name: "Ann Reviewer" });
  const r2 = await makeUser(db, { role: "reviewer", name: "Bob Reviewer" });
  const r3 = await makeUser(db, { role: "reviewer", name: "Cy Idle" });

  const a1 = await makeDashboardArticle(db, {
    title: "Planet piece",
    outlet: "Daily Planet",
    createdAt: at("2026-01-05T10:00:00Z"),
  });
  const a2 = await makeDashboardArticle(db, {
    title: "Bugle piece",
    outlet: "The Bugle",
    createdAt: at("2026-01-13T09:00:00Z"),
  });
  const a3 = await makeDashboardArticle(db, {
    title: "Old piece",
    outlet: "Daily Planet",
    createdAt: at("2025-12-20T08:00:00Z"),
  });
  const t = (article: { createdAt: Date }, minutes: number) =>
    new Date(article.createdAt.getTime() + minutes * 60_000);

  // A1: seven claims, one minute apart.
  const c1 = await makeDashboardClaim(db, a1, {
    createdAt: t(a1, 0),
    kind: "quantity",
    assigneeId: r1.id,
    status: "approved",
    rating: "false",
    approvedAt: hoursAfter(t(a1, 0), 24), // bucket "≤ 24 h"
    score: 0.9,
  });
  const c2 = await makeDashboardClaim(db, a1, {
    createdAt: t(a1, 1),
    kind: "quantity",
    assigneeId: r1.id,
    status: "approved",
    rating: "true",
    approvedAt: hoursAfter(t(a1, 1), 48), // "≤ 48 h"
    score: 0.8,
    text: '=HYPERLINK("http://evil.example")',
  });
  const c3 = await makeDashboardClaim(db, a1, {
    createdAt: t(a1, 2),
    kind: "quote",
    assigneeId: r2.id,
    status: "pending_approval",
    score: 0.7,
  });
  const c4 = await makeDashboardClaim(db, a1, {
    createdAt: t(a1, 3),
    kind: "statement",
    assigneeId: r1.id,
    status: "in_review",
    score: 0.6,
  });
  const c5 = await makeDashboardClaim(db, a1, {
    createdAt: t(a1, 4),
    kind: "statement",
    status: "open",
    score: 0.5,
    text: 'He said "no", then, later,\nyes',
  });
  const c6 = await makeDashboardClaim(db, a1, {
    createdAt: t(a1, 5),
    kind: "statement",
    assigneeId: r2.id,
    status: "dismissed",
    dismissReason: "opinion",
    score: 0.4,
  });
  // Approved, then reopened by an editor: it keeps its old rating and date but is in review again.
  const c7 = await makeDashboardClaim(db, a1, {
    createdAt: t(a1, 6),
    kind: "quote",
    assigneeId: r1.id,
    status: "approved",
    rating: "false",
    approvedAt: at("2026-01-08T12:00:00Z"),
    score: 0.3,
  });
  await db.update(claims).set({ status: "in_review" }).where(eq(claims.id, c7.id));

  // A2: three claims.
  const c8 = await makeDashboardClaim(db, a2, {
    createdAt: t(a2, 0),
    kind: "quantity",
    assigneeId: r2.id,
    status: "approved",
    rating: "mostly_false",
    approvedAt: hoursAfter(t(a2, 0), 168), // "≤ 7 d", approved in week 2026-01-19
    score: 0.95,
  });
  const c9 = await makeDashboardClaim(db, a2, {
    createdAt: t(a2, 1),
    kind: "statement",
    assigneeId: r2.id,
    status: "open",
    score: 0.2,
  });
  const c10 = await makeDashboardClaim(db, a2, {
    createdAt: t(a2, 2),
    kind: "date",
    assigneeId: r1.id,
    status: "open",
    score: 0.1,
  });
  // Approved later than inserted: the update moves it through the summaries.
  await db
    .update(claims)
    .set({ status: "approved", rating: "false", approvedAt: hoursAfter(t(a2, 2), 24) })
    .where(eq(claims.id, c10.id));

  // A3, before the period: one open claim, one approved inside the period (408 h: "≤ 21 d").
  const c11 = await makeDashboardClaim(db, a3, {
    createdAt: t(a3, 0),
    kind: "statement",
    assigneeId: r1.id,
    status: "open",
  });
  const c12 = await makeDashboardClaim(db, a3, {
    createdAt: t(a3, 1),
    kind: "statement",
    assigneeId: r2.id,
    status: "approved",
    rating: "true",
    approvedAt: hoursAfter(t(a3, 1), 408),
  });

  // Verdict history.
  await makeVerdict(db, c1, {
    rating: "false",
    proposedBy: r1.id,
    createdAt: at("2026-01-05T12:00:00Z"),
    state: "approved",
    approvedBy: editor.id,
    approvedAt: c1.approvedAt,
  });
  await makeVerdict(db, c2, {
    rating: "half_true",
    proposedBy: r1.id,
    createdAt: at("2026-01-06T09:00:00Z"),
    state: "returned",
    returnedBy: editor.id,
    returnedAt: at("2026-01-06T15:00:00Z"),
  });
  await makeVerdict(db, c2, {
    rating: "true",
    proposedBy: r1.id,
    createdAt: at("2026-01-07T08:00:00Z"),
    state: "approved",
    approvedBy: editor.id,
    approvedAt: c2.approvedAt,
  });
  await makeVerdict(db, c3, {
    rating: "misleading",
    proposedBy: r2.id,
    createdAt: at("2026-01-08T09:00:00Z"),
  });
  await makeVerdict(db, c7, {
    rating: "false",
    proposedBy: r1.id,
    createdAt: at("2026-01-07T09:00:00Z"),
    state: "superseded",
    approvedBy: editor.id,
    approvedAt: at("2026-01-08T12:00:00Z"),
  });
  await makeVerdict(db, c8, {
    rating: "mostly_false",
    proposedBy: r2.id,
    createdAt: at("2026-01-19T09:00:00Z"),
    state: "approved",
    approvedBy: editor.id,
    approvedAt: c8.approvedAt,
  });
  await makeVerdict(db, c10, {
    rating: "false",
    proposedBy: r1.id,
    createdAt: at("2026-01-13T12:00:00Z"),
    state: "approved",
    approvedBy: editor.id,
    approvedAt: hoursAfter(t(a2, 2), 24),
  });
  await makeVerdict(db, c12, {
    rating: "true",
    proposedBy: r2.id,
    createdAt: at("2026-01-02T09:00:00Z"),
    state: "approved",
    approvedBy: editor.id,
    approvedAt: c12.approvedAt,
  });

  return {
    users: { editor, r1, r2, r3 },
    articles: { a1, a2, a3 },
    claims: { c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12 },
  };
}

export const PERIOD = { from: "2026-01-05", to: "2026-01-25" } as const;
