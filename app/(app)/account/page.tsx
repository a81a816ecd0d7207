import type { Metadata } from "next";
import { requirePageCtx } from "@/lib/auth/session";
import { buttonClass } from "../../_components/button";
import { signOutAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { actor: user } = await requirePageCtx("/account");
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">Account and sessions</h1>
      <dl className="grid grid-cols-[8rem_1fr] gap-2 rounded-lg border border-line bg-paper p-4">
        <dt className="text-muted">Name</dt>
        <dd>{user.name}</dd>
        <dt className="text-muted">Email</dt>
        <dd>{user.email}</dd>
        <dt className="text-muted">Role</dt>
        <dd className="capitalize">{user.role}</dd>
      </dl>
      <section className="space-y-3 rounded-lg border border-line bg-paper p-4">
        <h2 className="text-lg font-semibold">Sign out</h2>
        <p className="text-sm text-muted">
          Signing out everywhere ends every session of this account, on every browser and device,
          including this one.
        </p>
        <div className="flex flex-wrap gap-2">
          <form action={signOutAction}>
            <button type="submit" className={buttonClass("secondary")}>
              Sign out
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className={buttonClass("danger")}>
              Sign out everywhere
            </button>
          </form>
        </div>
      </section>
    </div>
  );
}
