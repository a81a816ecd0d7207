import type { ReactNode } from "react";
import { getSessionUser } from "@/lib/auth/session";
import { AppHeader } from "../_components/app-header";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Each page checks the session itself; the layout only needs the user for the header.
  const user = await getSessionUser();
  return (
    <>
      {user ? <AppHeader user={user} /> : null}
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
