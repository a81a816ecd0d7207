"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ArticleMeta } from "@/db/schema/articles";
import type { ArticleMetaInput } from "@/lib/validation/articles";
import { ArticleMetaFields, useArticleMetaForm } from "../../../_components/article-meta-fields";
import { Button } from "../../../_components/button";
import { useToast } from "../../../_components/toast";
import { updateArticleAction } from "./actions";

/** An article's details as the article page edits them: with the version they were read at. */
export type EditableArticleMeta = ArticleMeta & { version: number };

/** Title, outlet, author, URL and date; the body is never edited here. */
export function ArticleMetaForm({
  article,
  onDone,
}: {
  article: EditableArticleMeta;
  onDone: () => void;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(article.version);
  const [conflict, setConflict] = useState<{
    message: string;
    current: Partial<EditableArticleMeta> | null;
  } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useArticleMetaForm(article);
  const onSubmit = handleSubmit((values) => {
    startTransition(async () => {
      const result = await updateArticleAction({ ...values, articleId: article.id, version });
      if (result.ok) {
        setConflict(null);
        toast("Details saved.", "success");
        onDone();
        router.refresh();
        return;
      }
      if (result.code === "conflict") {
        const current = (result.current ?? null) as Partial<EditableArticleMeta> | null;
        if (current?.version) setVersion(current.version);
        setConflict({ message: result.error, current });
        return;
      }
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        setError(name as keyof ArticleMetaInput, { message: messages[0] });
      }
      toast(result.error, "error");
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2">
      {conflict ? (
        <div
          role="alert"
          className="space-y-1 rounded-md border border-danger bg-wash p-3 text-sm sm:col-span-2"
        >
          <p className="font-medium">{conflict.message}</p>
          {conflict.current ? (
            <p className="text-muted">
              Now: “{conflict.current.title}”, {conflict.current.outlet ?? "no outlet"},{" "}
              {conflict.current.author ?? "no author"}, {conflict.current.url ?? "no URL"},{" "}
              {conflict.current.publishedOn ?? "no date"}.
            </p>
          ) : null}
          <p>Your input below is kept: save again to apply it over the newer version.</p>
        </div>
      ) : null}
      <ArticleMetaFields register={register} errors={errors} />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" busy={pending}>
          Save details
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Close
        </Button>
      </div>
    </form>
  );
}
