import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ToastProvider } from "./_components/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimtrack", template: "%s · Claimtrack" },
  description: "Fact-check and claim tracking for newsrooms",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, so each one gets the CSP nonce of its request.
  await headers();
  return (
    <html lang="en">
      <body>
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
