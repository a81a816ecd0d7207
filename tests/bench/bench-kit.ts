/**
 * What the server benchmarks share: PostgreSQL databases filled by db/synthetic.ts (kept between
 * runs when they already hold the size asked for), the demo logins, a production server started
 * with `node --import tsx lib/server/start.ts`, signing in through Auth.js's endpoints, the host's
 * speed probe and the RESULTS.md section writer.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import type { UserRole } from "@/db/schema/constants";
import { generateSynthetic } from "@/db/synthetic";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_LOGINS } from "@/lib/server/seed";

export const ADMIN_URL =
  process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Simultaneous users of the load runs: the issues' "10 concurrent users". */
export const CONCURRENCY = 10;
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123";

/** `--name value` from the command line. */
export function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

export const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`);

export const dbUrl = (name: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN
  );
}

export async function ensureDatabase(
  size: number,
  options: { prefix?: string; fresh?: boolean } = {},
): Promise<{ url: string; generatedSeconds: number | null }> {
  const name = `${options.prefix ?? "claimtrack_bench"}_${label(size)}`;
  if (name === "postgres" || name === "test") throw new Error("refusing a shared database");
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const url = dbUrl(name);
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    let reuse = false;
    if (exists && !options.fresh) {
      const db = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [row] = await db<{ n: number }[]>`
          select count(*)::int as n from claims c join articles a on a.id = c.article_id
          where a.title like 'Synthetic article %'`;
        reuse = row?.n === size;
      } catch {
        reuse = false;
      } finally {
        await db.end();
      }
    }
    let generatedSeconds: number | null = null;
    if (!reuse) {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(`create database "${name}"`);
      const started = Date.now();
      await generateSynthetic(url, size);
      generatedSeconds = (Date.now() - started) / 1000;
    }
    await ensureDemoUsers(url);
    return { url, generatedSeconds };
  } finally {
    await admin.end();
  }
}

/** The demo logins the benchmark signs in with (the server seeds them only into an empty database). */
export async function ensureDemoUsers(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const login of DEMO_LOGINS) {
      const hash = await hashPassword(login.password);
      await sql`insert into users (email, name, role, password_hash)
        values (${login.email}, ${login.name}, ${login.role}, ${hash}) on conflict do nothing`;
    }
  } finally {
    await sql.end();
  }
}

export async function startServer(
  url: string,
  options: { processes: number; port: number; env?: NodeJS.ProcessEnv },
): Promise<ChildProcess> {
  const { processes, port } = options;
  const child = spawn(process.execPath, ["--import", "tsx", "lib/server/start.ts"], {
    env: {
      ...process.env,
      WEB_CONCURRENCY: String(processes),
      DATABASE_URL: url,
      AUTH_SECRET,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("server did not start in 10 minutes")),
      600_000,
    );
    const onData = (data: Buffer) => {
      process.stdout.write(`    [server] ${data}`);
      if (data.toString().includes("ready on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (d: Buffer) => process.stderr.write(`    [server] ${d}`));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

export function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The server and the server processes it forked (their parent is the server). */
export function serverPids(pid: number): number[] {
  const children = fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        // pid (comm) state ppid …: the command may hold spaces, so read after its closing bracket.
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children];
}

/** Signs the demo user of this role in; answers the cookie header to send. */
export async function signIn(base: string, role: UserRole = "editor"): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (name) jar.set(name.trim(), rest.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`no demo ${role}`);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({
      email: login.email,
      password: login.password,
      csrfToken,
      callbackUrl: `${base}/articles`,
    }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`sign-in failed (${response.status})`);
  }
  return cookie();
}

/**
 * How fast this host's CPU is right now: the median of three runs of a fixed loop. The cores of
 * this shared machine run at different speeds from minute to minute (the same loop took 334 to
 * 568 ms within ten minutes while the machine was otherwise idle), so each run records it at its
 * start and end, beside the figures it may explain.
 */
export function speedProbeMs(): number {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    let x = 0;
    for (let i = 0; i < 3e8; i++) x += i % 7;
    if (x < 0) throw new Error("unreachable");
    times.push(performance.now() - started);
  }
  return percentile(times, 0.5);
}

export async function machine() {
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ version: string }[]>`select version()`;
  const version = row?.version ?? "unknown";
  await sql.end();
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: version.split(" on ")[0],
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / "),
    at: new Date().toISOString(),
    speedProbeMs: speedProbeMs(),
  };
}

/** Writes a section of RESULTS.md between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function writeSection(name: string, section: string) {
  const file = path.join("tests", "bench", "RESULTS.md");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmark results\n";
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${section.trim()}\n${end}`;
  const next =
    text.includes(start) && text.includes(end)
      ? text.replace(new RegExp(`${start}[\\s\\S]*${end}`), block)
      : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

/**
 * `CONCURRENCY` (10) keep-alive connections (autocannon), each going round the URL list for `seconds`,
 * one request in flight per connection. autocannon reads responses without decoding them, so the
 * load generator takes little of the CPU the server and PostgreSQL share on this machine.
 */
export async function load(
  base: string,
  cookie: string,
  urls: string[],
  seconds: number,
  pids: number[],
  change: () => Promise<void>,
  changesPerSecond = 1,
) {
  const latencies: number[] = [];
  let changes = 0;
  const writer = setInterval(() => {
    change().then(
      () => changes++,
      (error: unknown) => console.error("writer:", error),
    );
  }, 1000 / changesPerSecond);
  const perUrl = new Map<string, number[]>();
  const sent = new WeakMap<object, number>();
  let errors = 0;
  const rss = () => pids.reduce((sum, pid) => sum + rssKb(pid), 0);
  let peakKb = rss();
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, rss());
  }, 100);
  const started = performance.now();
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: base,
      connections: CONCURRENCY,
      duration: seconds,
      headers: { cookie },
      requests: urls.map((path) => ({ method: "GET" as const, path })),
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (client: object, status: number, _bytes: number, time: number) => {
    // Each connection goes round the list in order, so its count tells which URL this was.
    const n = sent.get(client) ?? 0;
    sent.set(client, n + 1);
    const url = urls[n % urls.length] ?? "";
    latencies.push(time);
    const times = perUrl.get(url);
    if (times) times.push(time);
    else perUrl.set(url, [time]);
    if (status !== 200) errors++;
  });
  const summary = await done;
  clearInterval(sampler);
  clearInterval(writer);
  const elapsed = (performance.now() - started) / 1000;
  errors += summary.errors + summary.timeouts;
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    median: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: Math.max(...latencies),
    errors,
    changes,
    peakRssMb: peakKb / 1024,
    worstUrl: [...perUrl]
      .map(([url, t]) => ({ url, median: percentile(t, 0.5), p95: percentile(t, 0.95) }))
      .sort((a, b) => b.p95 - a.p95)[0],
  };
}
