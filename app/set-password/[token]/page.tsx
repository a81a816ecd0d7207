import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { checkSetPasswordToken } from "@/lib/services/users/set-password";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = token.length <= 200 && (await checkSetPasswordToken(await getDb(), token));
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12"
    >
      <h1 className="mb-4 text-2xl font-bold">Set your Claimtrack password</h1>
      <div className="rounded-lg border border-line bg-paper p-6">
        {valid ? (
          <SetPasswordForm token={token} />
        ) : (
          <p role="alert">
            This link is invalid, expired or already used. Ask an admin for a new one.
          </p>
        )}
      </div>
    </main>
  );
}
