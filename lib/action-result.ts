import { unstable_rethrow } from "next/navigation";
import { type ActionResult, AppError, toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** The boundary for server actions: typed errors become a result, unexpected ones are logged. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    unstable_rethrow(error);
    if (!(error instanceof AppError)) logger.error({ err: error }, "server action failed");
    return toActionError(error);
  }
}
