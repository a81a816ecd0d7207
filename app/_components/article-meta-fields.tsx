import { zodResolver } from "@hookform/resolvers/zod";
import { type FieldErrors, type UseFormRegister, useForm } from "react-hook-form";
import type { ArticleMeta } from "@/db/schema/articles";
import { type ArticleMetaInput, articleMetaSchema } from "@/lib/validation/articles";
import { fieldBinder, InputField } from "./field";

/** The form of an article's details: empty for an import, the article's own for an edit. */
export function useArticleMetaForm(article?: Omit<ArticleMeta, "id">) {
  return useForm<ArticleMetaInput>({
    resolver: zodResolver(articleMetaSchema),
    defaultValues: {
      title: article?.title ?? "",
      outlet: article?.outlet ?? "",
      author: article?.author ?? "",
      url: article?.url ?? "",
      publishedOn: article?.publishedOn ?? "",
      publishedApproximate: article?.publishedApproximate ?? false,
    },
  });
}

/**
 * Title, outlet, author, URL, date and whether the date is approximate: the fields of the import
 * form and of the edit form, as cells of the two-column grid the form lays them out in.
 */
export function ArticleMetaFields({
  register,
  errors,
}: {
  register: UseFormRegister<ArticleMetaInput>;
  errors: FieldErrors<ArticleMetaInput>;
}) {
  const field = fieldBinder(register, errors);
  return (
    <>
      <div className="sm:col-span-2">
        <InputField label="Title" required {...field("title")} />
      </div>
      <InputField label="Outlet" {...field("outlet")} />
      <InputField label="Author" {...field("author")} />
      <div className="sm:col-span-2">
        <InputField
          label="URL"
          type="url"
          inputMode="url"
          placeholder="https://"
          {...field("url")}
        />
      </div>
      <InputField label="Published on" type="date" {...field("publishedOn")} />
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" {...register("publishedApproximate")} />
        The date is approximate
      </label>
    </>
  );
}
