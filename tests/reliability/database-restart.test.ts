import { describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "@/lib/server/seed";
import { recordFigure } from "./support/figures";
import { signIn } from "./support/http";
import { withSeededApp } from "./support/seeded-app";

/*
 * The database restarts under a steady, bounded load while the app keeps running: while it is
 * down /api/health says so (503), and within 5 s of its return every request succeeds again,
 * without restarting the app.
 */

const WORKERS = 4;
/** Each worker pauses this long between requests, so the load stays bounded on 2 cores. */
const PAUSE_MS = 25;
const REQUEST_TIMEOUT_MS = 15_000;
const MAX_REQUESTS = 20_000;
const STEADY_MS = 3_000;
const CUT_MS = 4_000;
const AFTER_MS = 10_000;
const RECOVERY_LIMIT_MS = 5_000;

interface Sample {
  path: string;
  startedAt: number;
  endedAt: number;
  status: number | "timeout" | "network";
}

const seeded = withSeededApp();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the database restarts under load", () => {
  it("health answers 503 while it is down and every request succeeds within 5 s of its return", async () => {
    const { app, cluster } = seeded.get();
    const base = app.url;
    const reviewer = DEMO_LOGINS.find((l) => l.role === "reviewer");
    if (!reviewer) throw new Error("no demo reviewer");
    const cookie = await signIn(base, reviewer.email, reviewer.password);
    // A signed-in page (session check, list query, render) beside the health check.
    const paths = ["/api/health", "/articles", "/api/health", "/queue"];
    // A first render of each page is slow (code loaded, caches filled): not part of the figures.
    for (const path of paths) await fetch(`${base}${path}`, { headers: { Cookie: cookie } });
    const samples: Sample[] = [];
    let running = true;

    const worker = async (w: number) => {
      for (let i = 0; running && samples.length < MAX_REQUESTS; i++) {
        const path = paths[(w + i) % paths.length] ?? "/api/health";
        const startedAt = Date.now();
        let status: Sample["status"];
        try {
          const response = await fetch(`${base}${path}`, {
            headers: { Cookie: cookie },
            redirect: "manual",
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          await response.arrayBuffer();
          status = response.status;
        } catch (error) {
          status = (error as Error).name === "TimeoutError" ? "timeout" : "network";
        }
        samples.push({ path, startedAt, endedAt: Date.now(), status });
        await sleep(PAUSE_MS);
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));

    await sleep(STEADY_MS);
    const cutAt = Date.now();
    cluster.stop("fast");
    const stoppedAt = Date.now();
    await sleep(CUT_MS);
    const restartAt = Date.now();
    cluster.start();
    const restartedAt = Date.now();
    await sleep(AFTER_MS);
    running = false;
    await load;

    const ok = (s: Sample) => s.status === 200;
    const before = samples.filter((s) => s.endedAt < cutAt);
    const down = samples.filter((s) => s.startedAt > stoppedAt && s.endedAt < restartAt);
    const after = samples.filter((s) => s.startedAt >= restartedAt);
    const failedAfter = after.filter((s) => !ok(s));
    const lastFailure = Math.max(restartedAt, ...failedAfter.map((s) => s.startedAt));
    const recoveryMs = failedAfter.length === 0 ? 0 : lastFailure - restartedAt;
    const seconds =
      (samples.at(-1)?.endedAt ?? restartAt) / 1000 - (samples[0]?.startedAt ?? 0) / 1000;
    const tally = (list: Sample[]) => {
      const out: Record<string, number> = {};
      for (const s of list) out[`${s.path} ${s.status}`] = (out[`${s.path} ${s.status}`] ?? 0) + 1;
      return out;
    };

    recordFigure(
      "database restart: load",
      `${WORKERS} clients, ${PAUSE_MS} ms pause, ${samples.length} requests in ${seconds.toFixed(1)} s (${(samples.length / seconds).toFixed(1)}/s), paths ${paths.join(" ")}`,
    );
    recordFigure(
      "database restart: timings",
      `stop took ${stoppedAt - cutAt} ms, down ${restartAt - stoppedAt} ms, start took ${restartedAt - restartAt} ms`,
    );
    recordFigure("database restart: before the cut", JSON.stringify(tally(before)));
    recordFigure("database restart: while down", JSON.stringify(tally(down)));
    recordFigure("database restart: after the restart", JSON.stringify(tally(after)));
    const firstAnswer = Math.min(
      ...samples.filter((s) => ok(s) && s.endedAt >= restartedAt).map((s) => s.endedAt),
    );
    recordFigure(
      "database restart: time to recover",
      `${recoveryMs} ms after the database accepted connections again (${failedAfter.length} failed requests started after the restart; first success ${firstAnswer - restartedAt} ms after it)`,
    );

    if (failedAfter.length > 0) {
      const at = (t: number) => `${t - restartedAt} ms`;
      recordFigure(
        "database restart: failures after the restart",
        failedAfter
          .map((f) => `${f.path} ${f.status} ${at(f.startedAt)}..${at(f.endedAt)}`)
          .join("; "),
      );
    }
    // Steady before the cut.
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter((s) => !ok(s))).toEqual([]);
    // While down: the health check says so, and nothing hangs.
    const healthDown = down.filter((s) => s.path === "/api/health");
    expect(healthDown.length).toBeGreaterThan(0);
    expect(healthDown.every((s) => s.status === 503)).toBe(true);
    expect(samples.filter((s) => s.status === "timeout")).toEqual([]);
    // Back within 5 s, and everything from then on succeeds.
    expect(recoveryMs).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
    const settled = after.filter((s) => s.startedAt > restartedAt + RECOVERY_LIMIT_MS);
    expect(settled.length).toBeGreaterThanOrEqual(8);
    expect(settled.filter((s) => !ok(s))).toEqual([]);
    // The same process served throughout: never restarted, still running.
    const pid = app.pid;
    expect(() => process.kill(pid, 0)).not.toThrow();
  });
});
