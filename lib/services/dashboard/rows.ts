import type { SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** Runs raw SQL on either engine: postgres.js answers an array, PGlite an object with rows. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
