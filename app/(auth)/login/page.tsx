import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser, safeCallbackPath } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  everywhere: "You were signed out on every device.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const notice = typeof params.signedOut === "string" ? NOTICES[params.signedOut] : undefined;
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12"
    >
      <h1 className="text-3xl font-bold tracking-tight">Claimtrack</h1>
      <p className="mb-6 text-muted">Sign in to the fact-check desk.</p>
      <div className="rounded-lg border border-line bg-paper p-6 shadow-sm">
        <LoginForm callbackUrl={callbackUrl} notice={notice} />
      </div>
    </main>
  );
}
