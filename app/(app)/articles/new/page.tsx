import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import an article" };

export default async function NewArticlePage() {
  await requirePageCtx("/articles/new", "articles.import");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/articles" className="text-accent underline">
          ← Articles
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Import an article</h1>
      <p className="text-muted">
        Paste the text or upload a .txt, .md or .html file. Claims are found as it is stored; the
        text is kept exactly as given, with line endings made uniform.
      </p>
      <ImportForm maxBytes={getEnv().MAX_IMPORT_BYTES} />
    </div>
  );
}
