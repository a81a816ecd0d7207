"use server";

import type { z } from "zod";
import { getDb } from "@/db/client";
import { runAction } from "@/lib/action-result";
import { setPasswordWithToken } from "@/lib/services/users/set-password";
import type { setPasswordSchema } from "@/lib/validation/auth";

export async function setPasswordAction(input: z.input<typeof setPasswordSchema>) {
  return runAction(async () => setPasswordWithToken(await getDb(), input));
}
