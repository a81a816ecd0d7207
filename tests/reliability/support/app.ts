import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import { onCleanup } from "./cleanup";
import { freePort } from "./ports";

/*
 * The real server, `npm start`'s entry point (lib/server/start.ts) over the production build in
 * .next, on its own loopback port against a database the test owns. Each app runs in its own
 * process group so that a kill reaches everything it started.
 */

/** One signing key for every app a test starts, so a session from one is valid on another. */
export const TEST_AUTH_SECRET = crypto.randomBytes(32).toString("base64url");

export interface App {
  port: number;
  url: string;
  pid: number;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Sends a signal to the app's process group (SIGKILL: no cleanup of any kind). */
  kill(signal: NodeJS.Signals): void;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it is gone. */
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  /** How long to wait for "ready". */
  timeoutMs?: number;
}

/** Starts the app and waits until it prints that it is ready (or fails with its output). */
export async function startApp(options: StartOptions): Promise<App> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "lib/server/start.ts"], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: TEST_AUTH_SECRET,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the app did not start");
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  let forget = () => {};
  void exited.then(() => {
    gone = true;
    forget();
  });

  const app: App = {
    port,
    url: `http://127.0.0.1:${port}`,
    pid,
    output: () => output,
    kill(signal) {
      if (gone) return;
      try {
        process.kill(-pid, signal);
      } catch {
        // Already gone.
      }
    },
    exited,
    async stop() {
      app.kill("SIGTERM");
      const timer = setTimeout(() => app.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
      // Anything the server left in its group goes too.
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Nothing left.
      }
    },
  };
  forget = onCleanup(() => app.kill("SIGKILL"));

  const timeoutMs = options.timeoutMs ?? 90_000;
  const started = Date.now();
  while (!/claimtrack: ready on /.test(output)) {
    if (gone) throw new Error(`the app exited before it was ready:\n${output}`);
    if (Date.now() - started > timeoutMs) {
      await app.stop();
      throw new Error(`the app was not ready after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return app;
}
