import { describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "@/lib/server/seed";
import { signIn } from "./support/http";
import { withSeededApp } from "./support/seeded-app";

/*
 * A page that fails for a real reason (its table is gone from under it, while the session and
 * the layout's reads still work) is logged exactly once: one JSON line with the request id the
 * response carries and the reference the error page shows, and no second, unstructured print of
 * the same error by Next.js.
 */

const seeded = withSeededApp();

interface LogLine {
  msg?: string;
  level?: number;
  digest?: string;
  requestId?: string;
  path?: string;
}

function jsonLines(output: string): LogLine[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The reference the error page shows: the error's digest, as the page's payload carries it. */
function shownReference(body: string): string {
  // In a client navigation's payload `"digest":"…"`; in a document, the same inside a script.
  const match = /\\?"digest\\?":\\?"(\d+)\\?"/.exec(body);
  if (!match?.[1]) throw new Error(`no error reference in the page:\n${body.slice(0, 2000)}`);
  return match[1];
}

describe("a page that fails unexpectedly", () => {
  it("is logged once, under the request id and the reference the user is shown", async () => {
    const { app, cluster } = seeded.get();
    const reviewer = DEMO_LOGINS.find((l) => l.role === "reviewer");
    if (!reviewer) throw new Error("no demo reviewer");
    const cookie = await signIn(app.url, reviewer.email, reviewer.password);
    await cluster.query("claimtrack", (sql) => sql`alter table articles rename to articles_away`);

    // A client navigation (what a click on a link fetches) and a first load of the page.
    const requests: { name: string; headers: Record<string, string> }[] = [
      { name: "navigation", headers: { Cookie: cookie, RSC: "1" } },
      { name: "document", headers: { Cookie: cookie } },
    ];
    for (const request of requests) {
      const before = app.output().length;
      const response = await fetch(`${app.url}/articles`, { headers: request.headers });
      const body = await response.text();
      const requestId = response.headers.get("x-request-id");
      expect(requestId, request.name).toMatch(/^[0-9a-f-]{36}$/);
      const reference = shownReference(body);
      // The log line is written while the page renders; give the pipe a moment to deliver it.
      await new Promise((r) => setTimeout(r, 500));

      const output = app.output().slice(before);
      const logged = jsonLines(output).filter((line) => line.msg === "page failed");
      expect(logged, `${request.name}:\n${output}`).toHaveLength(1);
      expect(logged[0]).toMatchObject({ digest: reference, requestId });
      expect(logged[0]?.path).toMatch(/^\/articles(\?|$)/);
      // Nothing else names the error: Next.js's own print of it is off.
      const mentions = output.split("\n").filter((line) => line.includes("does not exist"));
      expect(mentions, `${request.name}:\n${output}`).toHaveLength(1);
    }
    await cluster.query("claimtrack", (sql) => sql`alter table articles_away rename to articles`);
  });
});
