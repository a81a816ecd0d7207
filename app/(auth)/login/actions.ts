"use server";

import { AuthError, type CredentialsSignin } from "next-auth";
import { safeCallbackPath } from "@/lib/auth/session";
import { throttleMessage } from "@/lib/auth/throttle";
import { signIn } from "@/lib/server/auth";
import { loginSchema } from "@/lib/validation/auth";

export type LoginResult = { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export async function loginAction(input: {
  email: string;
  password: string;
  callbackUrl?: string;
}): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: "Check the highlighted fields.",
      fieldErrors: parsed.error.flatten().fieldErrors,
    };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(input.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as CredentialsSignin).code ?? "";
      if (code.startsWith("throttled:"))
        return { ok: false, error: throttleMessage(Number(code.slice(10))) };
      // One message whether or not the email exists.
      return { ok: false, error: "Email or password is incorrect." };
    }
    throw error;
  }
  return { ok: false, error: "Sign-in did not complete. Try again." };
}
