import type { z } from "zod";
import { NotFoundError, ValidationError } from "@/lib/errors";

/** Parses with a shared schema; failures become a ValidationError with messages per field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  const first = result.error.issues[0]?.message ?? "Check the form.";
  throw new ValidationError(first, fieldErrors);
}

/** An id from an address: a malformed one answers like an unknown one, `NotFoundError(what)`. */
export function parseOrNotFound<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new NotFoundError(what);
  return result.data;
}
