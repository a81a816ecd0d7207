/*
 * Whatever a reliability test started (clusters, servers) is registered here and removed when the
 * test process ends: after the tests' own afterAll, or on the way out after a crash, a timeout or
 * an interrupt (Ctrl-C, SIGTERM from the runner), so no server or data directory outlives a run.
 */
const cleanups = new Set<() => void>();

export function onCleanup(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function runAll() {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Keep going: the next one may still succeed.
    }
  }
}

process.once("exit", runAll);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    runAll();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
  });
}
