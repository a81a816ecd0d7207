"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { SOURCE_STANCES, SOURCE_TYPES } from "@/db/schema/constants";
import {
  SOURCE_TYPE_LABEL,
  type SourceFieldsOutput,
  STANCE_LABEL,
  sourceFieldsSchema,
} from "@/lib/validation/sources";
import { Button } from "../../../../../_components/button";
import { InputField, SelectField, TextareaField } from "../../../../../_components/field";

export type SourceValues = {
  url: string;
  title: string;
  publisher: string;
  sourceType: (typeof SOURCE_TYPES)[number];
  stance: (typeof SOURCE_STANCES)[number];
  excerpt: string;
  accessedOn: string;
  note: string;
};

export const EMPTY_SOURCE: SourceValues = {
  url: "",
  title: "",
  publisher: "",
  sourceType: "primary_document",
  stance: "supports",
  excerpt: "",
  accessedOn: "",
  note: "",
};

/**
 * The source fields with the same zod schema the server uses. Server field errors land beside
 * their field, and nothing typed is cleared on a failure.
 */
export function SourceForm({
  initial,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  idPrefix,
}: {
  initial: SourceValues;
  submitLabel: string;
  pending: boolean;
  /** Sends the checked values; call showErrors with the server's field errors on a failure. */
  onSubmit: (
    values: SourceFieldsOutput,
    showErrors: (fieldErrors: Record<string, string[]> | undefined) => void,
  ) => void;
  onCancel?: () => void;
  idPrefix: string;
}) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SourceValues, unknown, SourceFieldsOutput>({
    resolver: zodResolver(sourceFieldsSchema) as never,
    defaultValues: initial,
  });

  const submit = handleSubmit((values) =>
    onSubmit(values, (fieldErrors) => {
      for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
        if (field in EMPTY_SOURCE) setError(field as keyof SourceValues, { message: messages[0] });
      }
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
      <InputField
        id={`${idPrefix}-url`}
        label="URL"
        type="url"
        required
        inputMode="url"
        placeholder="https://"
        error={errors.url?.message}
        {...register("url")}
      />
      <InputField
        id={`${idPrefix}-title`}
        label="Title"
        required
        error={errors.title?.message}
        {...register("title")}
      />
      <InputField
        id={`${idPrefix}-publisher`}
        label="Publisher"
        error={errors.publisher?.message}
        {...register("publisher")}
      />
      <InputField
        id={`${idPrefix}-accessed`}
        label="Accessed on"
        type="date"
        error={errors.accessedOn?.message}
        {...register("accessedOn")}
      />
      <SelectField
        id={`${idPrefix}-type`}
        label="Source type"
        options={SOURCE_TYPES.map((t) => ({ value: t, label: SOURCE_TYPE_LABEL[t] }))}
        error={errors.sourceType?.message}
        {...register("sourceType")}
      />
      <SelectField
        id={`${idPrefix}-stance`}
        label="Stance"
        options={SOURCE_STANCES.map((s) => ({ value: s, label: STANCE_LABEL[s] }))}
        error={errors.stance?.message}
        {...register("stance")}
      />
      <div className="sm:col-span-2">
        <TextareaField
          id={`${idPrefix}-excerpt`}
          label="Excerpt"
          hint="The passage you rely on, quoted exactly."
          rows={3}
          error={errors.excerpt?.message}
          {...register("excerpt")}
        />
      </div>
      <div className="sm:col-span-2">
        <TextareaField
          id={`${idPrefix}-note`}
          label="Note"
          rows={2}
          error={errors.note?.message}
          {...register("note")}
        />
      </div>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" busy={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
