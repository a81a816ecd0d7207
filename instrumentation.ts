import type { Instrumentation } from "next";

/**
 * What a page threw that no service turned into an answer (a NotFoundError renders not-found.tsx
 * and never gets here), or what a server action or route handler let through past
 * lib/action-result.ts (which logs and answers the rest itself): logged here, once, as one line
 * with the request id and the digest that app/(app)/error.tsx shows the user as the reference.
 * Next.js's own print of the same error is off in production (lib/server/start.ts).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/logger");
  const { REQUEST_ID_HEADER } = await import("@/lib/server/request-id");
  const requestId = request.headers[REQUEST_ID_HEADER];
  const digest = (error as { digest?: string }).digest;
  logger.error(
    { err: error, digest, requestId, path: request.path, routeType: context.routeType },
    context.routeType === "render" ? "page failed" : "request failed",
  );
};
