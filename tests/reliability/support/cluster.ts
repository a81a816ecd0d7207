import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { onCleanup } from "./cleanup";
import { freePort } from "./ports";

/*
 * A throwaway PostgreSQL cluster that one test owns: made with initdb in a temporary directory,
 * listening on loopback only, stopped and restarted for real, and deleted afterwards. PostgreSQL
 * refuses to run as root, so as root the server's commands run as the `postgres` OS user.
 */

/** The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/<version>/bin). */
export function postgresBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions[0];
  if (!version) {
    throw new Error(
      'The reliability tests need PostgreSQL\'s server programs (initdb, pg_ctl): install them with "sudo apt-get install postgresql".',
    );
  }
  return path.join(base, version, "bin");
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs one of PostgreSQL's programs, as `postgres` when we are root. */
function pgCommand(program: string, args: string[], options: { allowFailure?: boolean } = {}) {
  const file = path.join(postgresBin(), program);
  const [cmd, cmdArgs] = isRoot
    ? ["runuser", ["-u", "postgres", "--", file, ...args]]
    : [file, args];
  const result = spawnSync(cmd, cmdArgs, { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(
      `${program} ${args.join(" ")} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
  }
  return result;
}

export interface Cluster {
  port: number;
  dir: string;
  /** A postgres:// URL for a database of this cluster. */
  url(database?: string): string;
  /** Stops the server: `fast` ends every session and checkpoints, `immediate` is a crash. */
  stop(mode?: "fast" | "immediate"): void;
  /** Starts it again on the same port and waits until it accepts connections. */
  start(): void;
  /** Runs statements as the superuser on one short connection. */
  query<T>(database: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T>;
  /** Stops the server and deletes its files. Safe to call twice. */
  destroy(): void;
}

/** A temporary directory the server's user may write. */
function makeServerDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
  }
  return dir;
}

function initdb(data: string) {
  pgCommand("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
    "--no-instructions",
  ]);
}

/**
 * One initdb for the whole run (the slow part of making a cluster: seconds on a busy machine);
 * each test's cluster starts from a copy. Returns the template's data directory and its removal.
 */
export function createTemplate(): { data: string; remove: () => void } {
  const dir = makeServerDir("claimtrack-reliability-template-");
  const data = path.join(dir, "data");
  try {
    initdb(data);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { data, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A new cluster of its own, copied from `template` (createTemplate) when given, else initdb. */
export async function createCluster(template?: string): Promise<Cluster> {
  const dir = makeServerDir("claimtrack-reliability-pg-");
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const port = await freePort();
  let destroyed = false;
  let running = false;
  let forget = () => {};

  const cluster: Cluster = {
    port,
    dir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop(mode = "fast") {
      if (!running) return;
      pgCommand("pg_ctl", ["stop", "-D", data, "-m", mode, "-w", "-t", "30"], {
        allowFailure: mode === "immediate",
      });
      running = false;
    },
    start() {
      const options = [
        `-p ${port}`,
        "-c listen_addresses=127.0.0.1",
        `-k ${dir}`,
        // A throwaway cluster: the tests crash the clients, never the machine.
        "-c fsync=off",
        "-c full_page_writes=off",
        "-c shared_buffers=32MB",
      ].join(" ");
      pgCommand("pg_ctl", ["start", "-D", data, "-l", log, "-w", "-t", "60", "-o", options]);
      running = true;
    },
    async query(database, work) {
      const sql = postgres(cluster.url(database), {
        max: 1,
        connect_timeout: 5,
        onnotice: () => {},
      });
      try {
        return await work(sql);
      } finally {
        await sql.end({ timeout: 2 });
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      forget();
      if (running || fs.existsSync(path.join(data, "postmaster.pid"))) {
        pgCommand("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"], {
          allowFailure: true,
        });
        running = false;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  forget = onCleanup(() => cluster.destroy());
  try {
    // cp -a keeps the owner (postgres) and the 0700 mode the server insists on.
    if (template && fs.existsSync(template)) execFileSync("cp", ["-a", template, data]);
    else initdb(data);
    cluster.start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}

/** Makes an empty database on the cluster and returns its URL. */
export async function createEmptyDatabase(cluster: Cluster, name: string): Promise<string> {
  await cluster.query("postgres", (sql) => sql.unsafe(`create database "${name}"`));
  return cluster.url(name);
}
