"use server";

import { getDb } from "@/db/client";
import { runAction } from "@/lib/action-result";
import { setPasswordWithToken } from "@/lib/services/users/set-password";

export async function setPasswordAction(input: unknown) {
  return runAction(async () => setPasswordWithToken(await getDb(), input));
}
