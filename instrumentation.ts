import type { Instrumentation } from "next";

/**
 * What a page threw that no service turned into an answer (a NotFoundError renders not-found.tsx
 * and never gets here): logged with the digest app/(app)/error.tsx shows the user and the request
 * id. Server actions and route handlers log theirs in lib/action-result.ts and answer themselves.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs" || context.routeType !== "render") return;
  const { logger } = await import("@/lib/logger");
  const { REQUEST_ID_HEADER } = await import("@/lib/server/request-id");
  const requestId = request.headers[REQUEST_ID_HEADER];
  const digest = (error as { digest?: string }).digest;
  logger.error({ err: error, digest, requestId, path: request.path }, "page failed");
};
