import { unstable_rethrow } from "next/navigation";
import {
  type ActionFailure,
  type ActionResult,
  AppError,
  TooManyRequestsError,
  toActionError,
  toProblem,
} from "@/lib/errors";
import { logger } from "@/lib/logger";
import { currentRequestId } from "@/lib/server/request-id";

/*
 * The error boundary of server actions and route handlers. AppErrors become what the user is told
 * (lib/errors.ts); anything else is logged here, once, under the request id that the user's
 * message names. Next.js's own control flow (redirect, notFound, dynamic rendering) passes on.
 */

async function logUnexpected(error: unknown, what: string): Promise<string> {
  const requestId = await currentRequestId();
  logger.error({ err: error, requestId }, what);
  return requestId;
}

/** A thrown error as an action's failure result. */
export async function actionFailure(error: unknown): Promise<ActionFailure> {
  if (error instanceof AppError) return toActionError(error);
  unstable_rethrow(error);
  return toActionError(error, await logUnexpected(error, "server action failed"));
}

/** Runs a server action's work: its value, or the failure a thrown error maps to. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    return actionFailure(error);
  }
}

/** A thrown error as a route handler's answer: problem+json (RFC 9457) with the error's status. */
export async function problemResponse(error: unknown): Promise<Response> {
  let requestId: string | undefined;
  if (!(error instanceof AppError)) {
    unstable_rethrow(error);
    requestId = await logUnexpected(error, "request failed");
  }
  const problem = toProblem(error, requestId);
  const headers = new Headers({
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (error instanceof TooManyRequestsError) {
    headers.set("Retry-After", String(error.retryAfterSeconds));
  }
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}
