import type { Metadata } from "next";
import { requirePageCtx } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { BackToArticles } from "../back-to-articles";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import an article" };

export default async function NewArticlePage() {
  await requirePageCtx("/articles/new", "articles.import");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <BackToArticles />
      <h1 className="text-2xl font-bold">Import an article</h1>
      <p className="text-muted">
        Paste the text or upload a .txt, .md or .html file. Claims are found as it is stored; the
        text is kept exactly as given, with line endings made uniform.
      </p>
      <ImportForm maxBytes={getEnv().MAX_IMPORT_BYTES} />
    </div>
  );
}
