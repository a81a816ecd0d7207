"use server";

import { redirect } from "next/navigation";
import { runAction } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { endCurrentSession, signOut } from "@/lib/server/auth";
import { signOutEverywhere } from "@/lib/services/users/sign-out-everywhere";

export async function signOutAction(): Promise<void> {
  // Ended on the server first: a copy of the cookie is refused afterwards, not only this one.
  await endCurrentSession();
  await signOut({ redirectTo: "/login" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const result = await runAction(async () => {
    await signOutEverywhere(await requireCtx());
    await signOut({ redirectTo: "/login?signedOut=everywhere" });
  });
  // Only a caller without a valid session gets here: send it to sign in.
  if (!result.ok) redirect("/login");
}
