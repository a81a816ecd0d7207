"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { ArticleMetaRow } from "@/lib/services/articles/update-article";
import { type ArticleMetaInput, articleMetaSchema } from "@/lib/validation/articles";
import { Button } from "../../../_components/button";
import { InputField } from "../../../_components/field";
import { useToast } from "../../../_components/toast";
import { updateArticleAction } from "./actions";

type Meta = Omit<ArticleMetaRow, "updatedAt">;

/** Title, outlet, author, URL and date; the body is never edited here. */
export function ArticleMetaForm({ article, onDone }: { article: Meta; onDone: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(article.version);
  const [conflict, setConflict] = useState<{
    message: string;
    current: Partial<Meta> | null;
  } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ArticleMetaInput>({
    resolver: zodResolver(articleMetaSchema),
    defaultValues: {
      title: article.title,
      outlet: article.outlet ?? "",
      author: article.author ?? "",
      url: article.url ?? "",
      publishedOn: article.publishedOn ?? "",
      publishedApproximate: article.publishedApproximate,
    },
  });
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
        const current = (result.current ?? null) as Partial<Meta> | null;
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
      <div className="sm:col-span-2">
        <InputField label="Title" required error={errors.title?.message} {...register("title")} />
      </div>
      <InputField label="Outlet" error={errors.outlet?.message} {...register("outlet")} />
      <InputField label="Author" error={errors.author?.message} {...register("author")} />
      <div className="sm:col-span-2">
        <InputField label="URL" type="url" error={errors.url?.message} {...register("url")} />
      </div>
      <InputField
        label="Published on"
        type="date"
        error={errors.publishedOn?.message}
        {...register("publishedOn")}
      />
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" {...register("publishedApproximate")} />
        The date is approximate
      </label>
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
