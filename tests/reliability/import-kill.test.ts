import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_LOGINS } from "@/lib/server/seed";
import { type App, startApp } from "./support/app";
import { type Cluster, createCluster, createEmptyDatabase } from "./support/cluster";
import { recordFigure } from "./support/figures";
import { signIn } from "./support/http";

/*
 * The server is killed (SIGKILL: no shutdown code runs) while it imports a large article. Nothing
 * half-made may remain: either the article is there with all its claims and its history row, or
 * there is no trace of it, and the same text imports normally once the app is back.
 */

const TITLE = "Reliability: a very long article";
/**
 * Half the default MAX_IMPORT_BYTES: about 4,500 claims, several seconds of the server's time
 * (the write transaction alone lasts seconds), so the kill lands mid-way, while the whole test
 * stays short on 2 cores.
 */
const TARGET_BYTES = 1_000_000;

/** The demo article's paragraphs, repeated with varied figures and dates until large enough. */
function largeArticle(): string {
  const demo = fs.readFileSync(
    path.join(process.cwd(), "db", "demo", "kazakhstan-csto", "article.txt"),
    "utf8",
  );
  const paragraphs = demo.split(/\n\s*\n/).filter((p) => p.trim().length > 80);
  const parts: string[] = [`${TITLE} ${crypto.randomUUID()}`];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const paragraph = (paragraphs[i % paragraphs.length] ?? "")
      .replace(/\d[\d,]*/g, (n) => String(Number(n.replace(/,/g, "")) + (i % 97)))
      .concat(` In ${1990 + (i % 35)} the figure was ${1000 + i} people.`);
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return parts.join("\n\n");
}

let cluster: Cluster | undefined;
let app: App | undefined;

beforeAll(async () => {
  cluster = await createCluster(inject("reliabilityTemplate"));
});

afterAll(async () => {
  await app?.stop();
  cluster?.destroy();
});

function importRequest(base: string, cookie: string, text: string) {
  const form = new FormData();
  form.set("title", TITLE);
  form.set("outlet", "Reliability Desk");
  form.set("text", text);
  return fetch(`${base}/api/articles/import`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: base },
    body: form,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the app killed during an import", () => {
  it("leaves no partial article or claims, and the same text imports afterwards", async () => {
    if (!cluster) throw new Error("no cluster");
    const url = await createEmptyDatabase(cluster, "claimtrack");
    app = await startApp({ databaseUrl: url, env: { SEED_DEMO: "true" } });
    const reviewer = DEMO_LOGINS.find((l) => l.role === "reviewer");
    if (!reviewer) throw new Error("no demo reviewer");
    const cookie = await signIn(app.url, reviewer.email, reviewer.password);
    const text = largeArticle();

    const watcher = postgres(url, { max: 1, onnotice: () => {} });
    const counts = async () => {
      const [row] = await watcher<{ articles: number; claims: number; audit: number }[]>`
        select (select count(*)::int from articles) as articles,
               (select count(*)::int from claims) as claims,
               (select count(*)::int from audit_events) as audit`;
      return row;
    };
    try {
      const before = await counts();
      const sentAt = Date.now();
      let answered = false;
      const request = importRequest(app.url, cookie, text).then(
        (r) => {
          answered = true;
          return r.status;
        },
        (error: Error) => {
          answered = true;
          return error.name;
        },
      );

      // Kill when the import is writing: a transaction of the app's has written a row but not
      // committed. Polled every few milliseconds, so a write of a second or less is caught too.
      // Polling goes on a little after an answer, in case the import finishes in the background.
      let writingAt = 0;
      let answeredAt = 0;
      while (Date.now() - sentAt < 60_000 && (!answeredAt || Date.now() - answeredAt < 2_000)) {
        if (answered && !answeredAt) answeredAt = Date.now();
        const [row] = await watcher<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()
            and backend_xid is not null`;
        if ((row?.n ?? 0) > 0) {
          writingAt = Date.now();
          break;
        }
        await sleep(5);
      }
      app.kill("SIGKILL");
      const killedAt = Date.now();
      expect(writingAt, "the import was not caught while it wrote").toBeGreaterThan(0);
      const wasAnswered = answered;
      const status = await request;
      if (!wasAnswered) expect(status).not.toBe(200);
      await app.exited;

      // PostgreSQL notices the dead connections and rolls their transactions back.
      let open = -1;
      for (let i = 0; i < 100 && open !== 0; i++) {
        const [row] = await watcher<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`;
        open = row?.n ?? 0;
        if (open !== 0) await sleep(100);
      }
      expect(open).toBe(0);
      const rolledBackAfter = Date.now() - killedAt;

      // All or nothing: no trace of the import, or (had it committed in the last milliseconds
      // before the kill) the article with every claim its history row counts.
      const after = await counts();
      const mine = await watcher<{ id: string; claims: number; recorded: number | null }[]>`
        select a.id, (select count(*)::int from claims c where c.article_id = a.id) as claims,
               (select (e.after->>'claims')::int from audit_events e
                 where e.action = 'article.import' and e.entity_id = a.id) as recorded
        from articles a where a.title = ${TITLE}`;
      if (mine.length === 0) {
        expect(after).toEqual(before);
      } else {
        expect(mine).toHaveLength(1);
        expect(mine[0]?.claims).toBe(mine[0]?.recorded);
      }
      const orphans = await watcher`
        select 1 from claims c where not exists (select 1 from articles a where a.id = c.article_id)`;
      expect(orphans).toHaveLength(0);
      recordFigure(
        "import killed: article",
        `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB; write transaction seen ${writingAt - sentAt} ms after sending, SIGKILL at ${killedAt - sentAt} ms; no connection of the dead app left ${rolledBackAfter} ms later; ${mine.length === 0 ? "no trace of the import" : "the import had committed, complete"} (articles/claims/audit rows ${after?.articles}/${after?.claims}/${after?.audit})`,
      );

      // Back up: the same text imports in full (nothing left over blocks it).
      app = await startApp({ databaseUrl: url });
      const again = Date.now();
      const response = await importRequest(app.url, cookie, text);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as {
        ok: boolean;
        data: { status: string; claimCount: number; article: { id: string } };
      };
      expect(answer).toMatchObject({
        ok: true,
        data: { status: mine.length === 0 ? "created" : "duplicate" },
      });
      const [stored] = await watcher<{ claims: number; audited: number }[]>`
        select (select count(*)::int from claims where article_id = ${answer.data.article.id}) as claims,
               (select count(*)::int from audit_events
                 where action = 'article.import' and entity_id = ${answer.data.article.id}) as audited`;
      if (mine.length === 0) {
        expect(stored).toEqual({ claims: answer.data.claimCount, audited: 1 });
        expect(answer.data.claimCount).toBeGreaterThan(1000);
      }
      recordFigure(
        "import killed: the same import afterwards",
        `${Date.now() - again} ms, ${answer.data.claimCount} claims`,
      );
    } finally {
      await watcher.end({ timeout: 2 });
    }
  });
});
