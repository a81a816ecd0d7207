/**
 * One pool of worker threads (piscina) for the work that would hold the request thread for
 * seconds: rendering a PDF report, reducing an uploaded HTML file to text, extracting claims.
 * The server keeps answering other requests meanwhile (tests/integration/heavy-work.test.ts).
 *
 * The worker entry is found from the working directory, not from this module's own address:
 * Next.js bundles the route handlers that import this module into .next/, while the worker loads
 * the source files through tsx (heavy-worker.mjs). `npm start`, vitest and the tools all run from
 * the project root. The pool lives on globalThis so that every bundle sharing the process shares
 * one set of threads.
 */
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import type * as tasks from "./tasks";

type Tasks = typeof tasks;
export type TaskName = "renderPdf" | "parseForm" | "readUpload" | "extractArticleClaims";

const POOL = Symbol.for("claimtrack.workerPool");
const holder = globalThis as { [POOL]?: Piscina };

/**
 * One core stays with the request thread: on the 2-core machines this runs on, one worker. The
 * threads run at a lower priority (nice) so the request thread wins the core when both want it,
 * and stay a minute after their last task so a second export does not load pdfkit or the claim
 * model again.
 */
function pool(): Piscina {
  holder[POOL] ??= new Piscina({
    filename: path.join(process.cwd(), "lib", "workers", "heavy-worker.mjs"),
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
    idleTimeout: 60_000,
    niceIncrement: 5,
    // Not the parent's flags: tsx's loader is registered by the worker entry itself.
    execArgv: [],
  });
  return holder[POOL];
}

export function runInWorker<N extends TaskName>(
  name: N,
  input: Parameters<Tasks[N]>[0],
  transferList?: ArrayBuffer[],
): Promise<Awaited<ReturnType<Tasks[N]>>> {
  return pool().run(input, { name, transferList });
}

/** For scripts that must exit when done (benchmarks, tools); the server just exits. */
export async function closeWorkerPool(): Promise<void> {
  const current = holder[POOL];
  holder[POOL] = undefined;
  await current?.destroy();
}
