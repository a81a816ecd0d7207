"use client";

import { useId } from "react";
import { CLAIM_KIND_LABEL, CLAIM_KINDS, type ClaimKindName } from "@/db/schema/constants";
import { FormError, LabelledSelect } from "../../../_components/field";

export interface ValueRow {
  key: string;
  value: string;
}

export function toRows(values: Record<string, unknown>): ValueRow[] {
  return Object.entries(values).map(([key, value]) => ({
    key,
    value: value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value),
  }));
}

/** Numbers and true/false become themselves; everything else stays the text that was typed. */
export function fromRows(rows: ValueRow[]): Record<string, string | number | boolean | null> {
  const values: Record<string, string | number | boolean | null> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key) continue;
    const raw = row.value.trim();
    if (/^-?\d+(\.\d+)?$/.test(raw)) values[key] = Number(raw);
    else if (raw === "true" || raw === "false") values[key] = raw === "true";
    else if (raw === "") values[key] = null;
    else values[key] = row.value;
  }
  return values;
}

/** The two inputs of a row: the name (narrow) and its value (the rest of the line). */
const INPUT_CLASS = "rounded-md border border-line bg-paper px-2 py-1 text-sm";
const ROW_FIELDS = [
  {
    field: "key",
    label: "Name",
    suffix: "k",
    labelClass: "flex flex-col text-xs",
    inputClass: `w-32 ${INPUT_CLASS}`,
  },
  {
    field: "value",
    label: "Value",
    suffix: "v",
    labelClass: "flex min-w-0 flex-1 flex-col text-xs",
    inputClass: INPUT_CLASS,
  },
] as const;

/** Values as name/value rows: small, keyboard-friendly, and every field labelled. */
export function ValuesEditor({
  rows,
  onChange,
  error,
}: {
  rows: ValueRow[];
  onChange: (rows: ValueRow[]) => void;
  error?: string;
}) {
  const id = useId();
  const set = (index: number, patch: Partial<ValueRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Values</legend>
      {rows.length === 0 ? <p className="text-sm text-muted">No values.</p> : null}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place.
        <div key={index} className="flex flex-wrap items-end gap-2">
          {ROW_FIELDS.map((f) => (
            <label key={f.field} className={f.labelClass} htmlFor={`${id}-${f.suffix}${index}`}>
              {f.label}
              <input
                id={`${id}-${f.suffix}${index}`}
                value={row[f.field]}
                onChange={(e) => set(index, { [f.field]: e.target.value })}
                className={f.inputClass}
              />
            </label>
          ))}
          <button
            type="button"
            className="rounded px-2 py-1 text-sm underline"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            aria-label={`Remove value ${row.key || index + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="text-sm text-accent underline"
        onClick={() => onChange([...rows, { key: "", value: "" }])}
      >
        Add a value
      </button>
      <FormError message={error} />
    </fieldset>
  );
}

/** The claim-kind picker that goes with the values editor. */
export function KindSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: ClaimKindName;
  onChange: (kind: ClaimKindName) => void;
}) {
  return (
    <LabelledSelect
      label={label}
      value={value}
      values={CLAIM_KINDS}
      labels={CLAIM_KIND_LABEL}
      onChange={(kind) => onChange(kind as ClaimKindName)}
    />
  );
}
