import { defineConfig, devices } from "@playwright/test";

// tests/e2e/run.ts prepares the browser, the build and a fresh database, then calls Playwright.
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
const secondPort = port + 1;

const serverEnv = (listen: number): Record<string, string> => {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(listen),
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    SEED_DEMO: "true",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  if (process.env.E2E_PGLITE_DIR) env.PGLITE_DIR = process.env.E2E_PGLITE_DIR;
  return env;
};

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
};

// A second app instance on the same PostgreSQL database shows that nothing lives in memory.
const twoInstances = Boolean(process.env.E2E_DATABASE_URL);

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: Boolean(process.env.CI),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    {
      name: "setup",
      testMatch: /auth\.setup\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "chromium",
      testMatch: /.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
  ],
  webServer: [
    {
      command: "node --import tsx lib/server/start.ts",
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: serverEnv(port),
    },
    ...(twoInstances
      ? [
          {
            command: "node --import tsx lib/server/start.ts",
            url: `http://localhost:${secondPort}/api/health`,
            timeout: 180_000,
            reuseExistingServer: false,
            // Two server processes behind one port (node:cluster), as a multi-core deployment runs.
            env: { ...serverEnv(secondPort), WEB_CONCURRENCY: "2" },
          },
        ]
      : []),
  ],
});
