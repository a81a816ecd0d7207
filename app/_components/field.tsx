import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

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
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
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

/** The id and accessibility attributes every control shares, tied to its label, hint and error. */
function useControlProps(id: string | undefined, error?: string, hint?: ReactNode, className = "") {
  const auto = useId();
  const fieldId = id ?? auto;
  return {
    id: fieldId,
    className: `${CONTROL_CLASS} ${className}`,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(fieldId, error, hint),
  };
}

export function InputField({
  label,
  error,
  hint,
  id,
  className = "",
  ...props
}: InputHTMLAttributes<HTMLInputElement> & Common) {
  const controlProps = useControlProps(id, error, hint, className);
  return (
    <FieldShell
      id={controlProps.id}
      label={label}
      error={error}
      hint={hint}
      required={props.required}
    >
      <input {...controlProps} {...props} />
    </FieldShell>
  );
}

export function TextareaField({
  label,
  error,
  hint,
  id,
  className = "",
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & Common) {
  const controlProps = useControlProps(id, error, hint, className);
  return (
    <FieldShell
      id={controlProps.id}
      label={label}
      error={error}
      hint={hint}
      required={props.required}
    >
      <textarea {...controlProps} {...props} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  error,
  hint,
  id,
  options,
  className = "",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> &
  Common & { options: readonly { value: string; label: string }[] }) {
  const controlProps = useControlProps(id, error, hint, className);
  return (
    <FieldShell
      id={controlProps.id}
      label={label}
      error={error}
      hint={hint}
      required={props.required}
    >
      <select {...controlProps} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
