"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { importArticle } from "@/lib/services/articles/import-article";

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/**
 * Imports pasted text or an uploaded file. The work finishes on the server even if the user
 * leaves the page meanwhile: the request is complete once it arrives, and the article with its
 * claims is committed in one transaction whether or not anyone waits for the answer.
 */
export async function importArticleAction(form: FormData) {
  return runAction(async () => {
    const ctx = await requireCtx();
    const file = form.get("file");
    const upload =
      file instanceof File && file.size > 0
        ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : undefined;
    const result = await importArticle(ctx, {
      title: field(form, "title"),
      outlet: field(form, "outlet"),
      author: field(form, "author"),
      url: field(form, "url"),
      publishedOn: field(form, "publishedOn"),
      publishedApproximate: field(form, "publishedApproximate") === "true",
      text: upload ? undefined : field(form, "text"),
      file: upload,
    });
    revalidatePath("/articles");
    return result;
  });
}
