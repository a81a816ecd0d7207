"use server";

import { signOut } from "@/lib/auth/config";
import { requireCtx } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/services/users/sign-out-everywhere";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const ctx = await requireCtx();
  await signOutEverywhere(ctx);
  await signOut({ redirectTo: "/login?signedOut=everywhere" });
}
