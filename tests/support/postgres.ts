import net from "node:net";
import postgres from "postgres";

/**
 * The server tests use: TEST_DATABASE_URL, or a local server answering on 127.0.0.1:5432;
 * TEST_ENGINE=pglite forces the embedded engine.
 */
export async function findTestPostgres(): Promise<string | null> {
  if (process.env.TEST_ENGINE === "pglite") return null;
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const answers = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: 5432 });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
  if (!answers) return null;
  const url = "postgres://postgres@127.0.0.1:5432/postgres";
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return url;
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Runs admin statements (CREATE/DROP DATABASE) on the server's maintenance database. */
export async function adminQuery<T>(
  url: string,
  work: (sql: postgres.Sql) => Promise<T>,
): Promise<T> {
  const sql = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  await adminQuery(url, async (sql) => {
    for (let attempt = 0; ; attempt++) {
      try {
        if (template) await sql.unsafe(`create database "${name}" template "${template}"`);
        else await sql.unsafe(`create database "${name}"`);
        return;
      } catch (error) {
        // Another file copying the same template at this instant: wait and retry.
        if (attempt < 20 && /being accessed by other users/.test(String(error))) {
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
          continue;
        }
        throw error;
      }
    }
  });
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
}
