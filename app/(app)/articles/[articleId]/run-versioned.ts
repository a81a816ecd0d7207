import { runAction } from "@/lib/action-result";
import { type ActionResult, ConflictError } from "@/lib/errors";

export type VersionedResult<T> = ActionResult<T> & { current?: unknown };

/**
 * runAction, plus the row as it is now when the write was refused as stale, so the page can show
 * the newer version next to what the user typed and let them apply theirs again.
 */
export async function runVersioned<T>(work: () => Promise<T>): Promise<VersionedResult<T>> {
  let current: unknown;
  const result = await runAction(async () => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ConflictError) current = error.current;
      throw error;
    }
  });
  return result.ok || current === undefined ? result : { ...result, current };
}
