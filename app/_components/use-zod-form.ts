import { zodResolver } from "@hookform/resolvers/zod";
import { type DefaultValues, type FieldValues, useForm } from "react-hook-form";
import type { z } from "zod";
import { fieldBinder } from "./field";

/**
 * A form checked by a zod schema (fields hold its input; a submit gets the parsed output), with
 * `field(name)` to bind an InputField, SelectField or TextareaField to it.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues,
  });
  return { ...form, field: fieldBinder(form.register, form.formState.errors) };
}
