/**
 * `npm start`: validate settings, open the database, migrate, seed an empty embedded database,
 * build when no current build exists, then serve Next.js from this process (so the embedded PGlite
 * database is opened by exactly one process). Every failure is one line on stderr and exit 1.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { isBuildCurrent, writeBuildStamp } from "./build-stamp";

const root = process.cwd();

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

function checkPortFree(port: number, hostname: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once("error", reject);
    probe.listen(port, hostname, () => probe.close(() => resolve()));
  });
}

async function main() {
  // Next.js reads this when it is loaded; a production server is what `npm start` serves.
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { parseEnv, EnvError } = await import("@/lib/env");
  let env: ReturnType<typeof parseEnv>;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const embedded = env.DATABASE_URL === undefined;
  if (!embedded && !env.AUTH_SECRET) {
    fail(
      "Setting AUTH_SECRET is required with DATABASE_URL: expected at least 32 random characters (openssl rand -base64 32).",
    );
  }

  try {
    await checkPortFree(env.PORT, env.HOSTNAME);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      fail(
        `Port ${env.PORT} is already in use: stop what is using it or set PORT to another port.`,
      );
    if (code === "EACCES")
      fail(
        `Port ${env.PORT} needs privileges this user does not have: set PORT to a port above 1023.`,
      );
    fail(`Cannot listen on port ${env.PORT}: ${errorMessage(error)}`);
  }

  const { openDatabase, setDatabase, DatabaseOpenError } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const { seedDemo, DEMO_LOGINS } = await import("@/db/seed");

  let database: ReturnType<typeof openDatabase>;
  try {
    database = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  } catch (error) {
    if (error instanceof DatabaseOpenError) fail(error.message);
    throw error;
  }
  try {
    const { applied, total } = await runMigrations(database.db);
    console.log(
      `claimtrack: database ${database.engine}, ${total} migrations (${applied} applied now).`,
    );
  } catch (error) {
    const where = embedded ? `PGLITE_DIR ${env.PGLITE_DIR}` : "DATABASE_URL";
    fail(`cannot open the database at ${where}: ${errorMessage(error)}`);
  }
  setDatabase(database);

  let seeded = false;
  if (embedded || env.SEED_DEMO) {
    seeded = (await seedDemo(database.db)).seeded;
    if (seeded) console.log("claimtrack: seeded the demo users and the demo article.");
  }

  if (!isBuildCurrent(root) || process.env.CLAIMTRACK_FORCE_BUILD === "1") {
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

  const { CLIENT_ADDRESS_HEADER } = await import("@/lib/auth/client-address");
  const { default: next } = await import("next");
  const app = next({
    dev: false,
    dir: root,
    port: env.PORT,
    hostname: env.HOSTNAME ?? "localhost",
  });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    // The client address comes from the socket, never from what the client says; a header that
    // only Next.js itself may send is dropped before it can reach the router.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    delete req.headers["x-middleware-subrequest"];
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      res.statusCode = 500;
      res.end("Internal Server Error");
    });
  });
  server.once("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE")
      fail(
        `Port ${env.PORT} is already in use: stop what is using it or set PORT to another port.`,
      );
    fail(`server error: ${errorMessage(error)}`);
  });
  server.listen(env.PORT, env.HOSTNAME, () => {
    const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    console.log(`claimtrack: ready on ${url}`);
    if (embedded) {
      console.log("claimtrack: demo logins (embedded demo database only):");
      for (const login of DEMO_LOGINS) {
        console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(24)} ${login.password}`);
      }
    }
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

main().catch((error: unknown) => fail(errorMessage(error)));
