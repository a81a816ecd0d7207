import { afterAll, beforeAll, inject } from "vitest";
import { type App, startApp } from "./app";
import { type Cluster, createCluster, createEmptyDatabase } from "./cluster";

/**
 * For a test file: a cluster of its own with an empty database, and the app started on it with
 * the demo users and article (SEED_DEMO); both are gone after the file's tests.
 */
export function withSeededApp(): { get(): { app: App; cluster: Cluster } } {
  let cluster: Cluster | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    cluster = await createCluster(inject("reliabilityTemplate"));
    const url = await createEmptyDatabase(cluster, "claimtrack");
    app = await startApp({ databaseUrl: url, env: { SEED_DEMO: "true" } });
  });
  afterAll(async () => {
    await app?.stop();
    cluster?.destroy();
  });
  return {
    get() {
      if (!app || !cluster) throw new Error("no app");
      return { app, cluster };
    },
  };
}
