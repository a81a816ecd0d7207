import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

/** Set on every request by request-guard.ts (whatever a client sent is replaced). */
export const REQUEST_ID_HEADER = "x-request-id";

function newRequestId(): string {
  return randomUUID();
}

/**
 * This request's id, as the server log and the user's error message name it. Outside a request
 * (tests, the command line) or without the guard in front, a fresh one.
 */
export async function currentRequestId(): Promise<string> {
  try {
    const id = (await headers()).get(REQUEST_ID_HEADER);
    if (id) return id;
  } catch {
    // No request scope.
  }
  return newRequestId();
}
