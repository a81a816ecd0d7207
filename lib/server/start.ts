/**
 * `npm start`: validate settings, open the database, migrate, seed an empty embedded database,
 * build when no current build exists, then serve Next.js. With the embedded PGlite database (the
 * default) one process serves, so the database is opened by exactly one process. On PostgreSQL,
 * WEB_CONCURRENCY=N forks N server processes that share the port (node:cluster); this process then
 * only prepares, supervises and restarts them. Every failure is one line on stderr and exit 1.
 * `npm run dev` (--dev) serves Next.js's development server the same way, without a build.
 * Every request passes request-guard.ts first (the CSP nonce, the sign-in redirect).
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Database } from "@/db/client";
import type { Env } from "@/lib/env";
import { isBuildCurrent, writeBuildStamp } from "./build-stamp";

const root = process.cwd();
/** `npm run dev`: Next.js's development server behind the same request handling, no build. */
const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(`claimtrack: ${message}`);
  process.exit(1);
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return errorMessage(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

/** The embedded default keeps a generated secret beside its data so sessions survive restarts. */
function ensureEmbeddedSecret(dataDir: string): string {
  const file = path.join(path.dirname(path.resolve(dataDir)), "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not there yet.
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const portInUse = (port: number) =>
  `Port ${port} is already in use: stop what is using it or set PORT to another port.`;

function checkPortFree(port: number, hostname: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once("error", reject);
    probe.listen(port, hostname, () => probe.close(() => resolve()));
  });
}

function readEnv(): Promise<Env> {
  // Next.js reads this when it is loaded; a production server is what `npm start` serves.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  return import("@/lib/env").then(({ parseEnv, EnvError }) => {
    try {
      return parseEnv();
    } catch (error) {
      if (error instanceof EnvError) fail(error.message);
      throw error;
    }
  });
}

async function openOrFail(env: Env): Promise<Database> {
  const { openDatabase, DatabaseOpenError } = await import("@/db/client");
  try {
    return openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  } catch (error) {
    if (error instanceof DatabaseOpenError) fail(error.message);
    throw error;
  }
}

/** The one process that checks, migrates, seeds and builds; then it serves, or forks servers. */
async function main() {
  const env = await readEnv();
  const embedded = env.DATABASE_URL === undefined;
  if (!embedded && !env.AUTH_SECRET) {
    fail(
      "Setting AUTH_SECRET is required with DATABASE_URL: expected at least 32 random characters (openssl rand -base64 32).",
    );
  }
  if (dev && env.WEB_CONCURRENCY > 1) {
    fail("Setting WEB_CONCURRENCY above 1 is for `npm start`: the development server runs alone.");
  }
  if (embedded && env.WEB_CONCURRENCY > 1) {
    fail(
      "Setting WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database is opened by one process.",
    );
  }

  try {
    await checkPortFree(env.PORT, env.HOSTNAME);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") fail(portInUse(env.PORT));
    if (code === "EACCES")
      fail(
        `Port ${env.PORT} needs privileges this user does not have: set PORT to a port above 1023.`,
      );
    fail(`Cannot listen on port ${env.PORT}: ${errorMessage(error)}`);
  }

  const { runMigrations } = await import("@/db/migrate");
  const { seedDemo } = await import("./seed");
  const database = await openOrFail(env);
  try {
    const { applied, total } = await runMigrations(database.db);
    console.log(
      `claimtrack: database ${database.engine}, ${total} migrations (${applied} applied now).`,
    );
  } catch (error) {
    const where = embedded ? `PGLITE_DIR ${env.PGLITE_DIR}` : "DATABASE_URL";
    fail(`cannot open the database at ${where}: ${errorMessage(error)}`);
  }

  if (embedded || env.SEED_DEMO) {
    const { seeded } = await seedDemo(database.db);
    if (seeded) console.log("claimtrack: seeded the demo users and the demo article.");
  }

  if (!dev && (!isBuildCurrent(root) || process.env.CLAIMTRACK_FORCE_BUILD === "1")) {
    console.log(
      "claimtrack: building the app (first start or changed sources), this takes a few minutes…",
    );
    const result = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "build"],
      {
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production" },
      },
    );
    if (result.status !== 0) fail("the build failed (see the output above).");
    writeBuildStamp(root);
  }

  process.env.AUTH_SECRET = env.AUTH_SECRET ?? ensureEmbeddedSecret(env.PGLITE_DIR);
  process.env.AUTH_TRUST_HOST ??= "true";

  const ready = await readyLines(env, embedded);
  if (env.WEB_CONCURRENCY > 1) {
    // Each server process opens its own connections; this one keeps none.
    await database.close().catch(() => {});
    superviseWorkers(env.WEB_CONCURRENCY, ready);
    return;
  }
  await serve(env, database, ready);
}

async function readyLines(env: Env, embedded: boolean): Promise<string[]> {
  const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const processes = env.WEB_CONCURRENCY > 1 ? ` (${env.WEB_CONCURRENCY} server processes)` : "";
  const lines = [`claimtrack: ready on ${url}${processes}`];
  if (embedded) {
    const { DEMO_LOGINS } = await import("./seed");
    lines.push("claimtrack: demo logins (embedded demo database only):");
    for (const login of DEMO_LOGINS) {
      lines.push(`  ${login.role.padEnd(8)} ${login.email.padEnd(24)} ${login.password}`);
    }
  }
  return lines;
}

/**
 * WEB_CONCURRENCY server processes on one port. The primary hands out connections; a process that
 * dies is replaced (at most a few times a minute, so a crash at start-up does not spin), and a stop
 * signal stops them all.
 */
function superviseWorkers(count: number, ready: string[]) {
  let listening = 0;
  let stopping = false;
  const recentRestarts: number[] = [];
  cluster.on("listening", () => {
    listening++;
    if (listening === count) for (const line of ready) console.log(line);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    while (recentRestarts.length > 0 && now - (recentRestarts[0] ?? now) > 60_000)
      recentRestarts.shift();
    if (recentRestarts.length >= 5) {
      fail(`server process ${worker.process.pid} exited (${signal ?? code}) too often; stopping.`);
    }
    recentRestarts.push(now);
    console.error(
      `claimtrack: server process ${worker.process.pid} exited (${signal ?? code}); starting another.`,
    );
    cluster.fork();
  });
  // A larger young generation: a page render allocates a few megabytes that die young, and with
  // the default 16 MB semi-space the collector runs every few requests (about 10% more pages per
  // second measured with 64 MB, tests/bench/RESULTS.md).
  cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-semi-space-size=64"] });
  for (let i = 0; i < count; i++) cluster.fork();
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/**
 * Next.js prints every error a page, server action or route handler lets through (the router
 * server's `logErrorWithOriginalStack`, called by its route modules just before they hand the
 * error to instrumentation.ts's onRequestError). instrumentation.ts logs each one itself, as one
 * JSON line with the request id and the reference the user sees, so in production Next.js's
 * unstructured copy is turned off here; its other error prints (a failure of Next.js itself) stay.
 * In development its print, with source-mapped stacks, is worth keeping.
 * tests/reliability/page-error.test.ts checks that a page error is logged exactly once.
 */
function silenceNextErrorPrint() {
  const contexts = (globalThis as Record<symbol, unknown>)[
    Symbol.for("@next/router-server-methods")
  ] as Record<string, { logErrorWithOriginalStack?: unknown }> | undefined;
  const context = contexts?.[path.relative(process.cwd(), root)];
  if (context && typeof context.logErrorWithOriginalStack === "function") {
    context.logErrorWithOriginalStack = () => {};
  }
}

/** A forked server process: the primary has checked, migrated and built already. */
async function worker() {
  const env = await readEnv();
  await serve(env, await openOrFail(env), []);
}

async function serve(env: Env, database: Database, ready: string[]) {
  const { setDatabase } = await import("@/db/client");
  setDatabase(database);
  const { CLIENT_ADDRESS_HEADER } = await import("@/lib/auth/client-address");
  const { guardRequest } = await import("./request-guard");
  const { logger } = await import("@/lib/logger");
  const { default: next } = await import("next");
  const app = next({
    dev,
    dir: root,
    port: env.PORT,
    hostname: env.HOSTNAME ?? "localhost",
  });
  const handle = app.getRequestHandler();
  await app.prepare();
  if (!dev) silenceNextErrorPrint();

  const server = http.createServer((req, res) => {
    // The client address comes from the socket, never from what the client says; a header that
    // only Next.js itself may send is dropped before it can reach the router.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    delete req.headers["x-middleware-subrequest"];
    if (guardRequest(req, res, { dev, trustProxy: env.TRUST_PROXY })) return;
    handle(req, res).catch((error: unknown) => {
      // What Next.js did not answer itself: one line, under the id the guard gave the request.
      logger.error({ err: error, requestId: req.headers["x-request-id"] }, "request failed");
      res.statusCode = 500;
      res.end("Internal Server Error");
    });
  });
  server.once("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") fail(portInUse(env.PORT));
    fail(`server error: ${errorMessage(error)}`);
  });
  server.listen(env.PORT, env.HOSTNAME, () => {
    for (const line of ready) console.log(line);
  });

  const shutdown = () => {
    server.close();
    database
      .close()
      .catch(() => {})
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

(cluster.isPrimary ? main() : worker()).catch((error: unknown) => fail(errorMessage(error)));
