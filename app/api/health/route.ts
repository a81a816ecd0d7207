import { getDatabase } from "@/db/client";
import { countAppliedMigrations } from "@/db/migrate";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const database = await getDatabase();
    const migrations = await countAppliedMigrations(database.db);
    return Response.json(
      { status: "ok", database: database.engine, migrations },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    logger.error({ err: error }, "health check failed");
    return Response.json(
      { status: "error", error: "database unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
