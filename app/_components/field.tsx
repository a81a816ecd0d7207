import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import {
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  get,
  type UseFormRegister,
} from "react-hook-form";

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
}

function FieldShell({ id, label, error, hint, required, children }: FieldShellProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FormError id={`${id}-error`} message={error} />
    </div>
  );
}

/** An error message, announced when it appears: a field's own, or a whole form's (no id). */
export function FormError({ id, message }: { id?: string; message?: string | null }) {
  return message ? (
    <p id={id} role="alert" className="text-sm text-danger">
      {message}
    </p>
  ) : null;
}

const CONTROL_CLASS =
  "w-full rounded-md border border-line bg-paper px-3 py-2 text-base aria-[invalid=true]:border-danger";

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

type Common = { label: string; error?: string; hint?: ReactNode };
type Own = Common & { id?: string; className?: string; required?: boolean };

/**
 * Splits a field's props: the label, hint and error go to the shell; the control gets the rest,
 * with the id and accessibility attributes that tie it to them (a caller's own attributes win).
 */
function useField<P extends Own>({ label, error, hint, id, className = "", ...rest }: P) {
  const auto = useId();
  const fieldId = id ?? auto;
  const shell = { id: fieldId, label, error, hint, required: rest.required };
  const control = {
    id: fieldId,
    className: `${CONTROL_CLASS} ${className}`,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(fieldId, error, hint),
    ...rest,
  };
  return { shell, control };
}

export function InputField(props: InputHTMLAttributes<HTMLInputElement> & Common) {
  const { shell, control } = useField(props);
  return (
    <FieldShell {...shell}>
      <input {...control} />
    </FieldShell>
  );
}

export function TextareaField(props: TextareaHTMLAttributes<HTMLTextAreaElement> & Common) {
  const { shell, control } = useField(props);
  return (
    <FieldShell {...shell}>
      <textarea {...control} />
    </FieldShell>
  );
}

export function SelectField({
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> &
  Common & { options: readonly { value: string; label: string }[] }) {
  const { shell, control } = useField(props);
  return (
    <FieldShell {...shell}>
      <select {...control}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

const PICKER_CLASS = "rounded-md border border-line bg-paper px-2 py-1";

/**
 * A select inside its own label, with no hint or error: the small pickers of the claim list and
 * editors. `all` adds a first option with the empty value ("All kinds"); `compact` sets the label
 * smaller, for a row of filters.
 */
export function LabelledSelect({
  label,
  value,
  onChange,
  values,
  labels,
  all,
  compact = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  values: readonly string[];
  labels: Readonly<Record<string, string>>;
  all?: string;
  compact?: boolean;
}) {
  return (
    <label className={`flex flex-col ${compact ? "text-xs" : "text-sm"} font-medium`}>
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={compact ? `${PICKER_CLASS} text-sm` : PICKER_CLASS}
      >
        {all === undefined ? null : <option value="">{all}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Binds react-hook-form fields to the fields above: `{...field("email")}` spreads the field's
 * registration and its error message.
 */
export function fieldBinder<T extends FieldValues>(
  register: UseFormRegister<T>,
  errors: FieldErrors<T>,
) {
  return (name: FieldPath<T>) => ({
    ...register(name),
    error: (get(errors, name) as { message?: string } | undefined)?.message,
  });
}
