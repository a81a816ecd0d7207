import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { accountKey, addressKey, readThrottle, throttleMessage } from "@/lib/auth/throttle";
import { handlers } from "@/lib/server/auth";

export const { GET } = handlers;

/** Answers a throttled credentials sign-in with 429 before Auth.js does any work. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "");
    const db = await getDb();
    const state = await readThrottle(
      db,
      accountKey(email),
      addressKey(clientAddressFrom(request.headers)),
    );
    if (state.throttled) {
      return Response.json(
        { error: throttleMessage(state.retryAfterSeconds) },
        { status: 429, headers: { "Retry-After": String(state.retryAfterSeconds) } },
      );
    }
  }
  return handlers.POST(request);
}
