"use client";

import { useId } from "react";
import { CLAIM_KIND_LABEL, CLAIM_KINDS, type ClaimKindName } from "@/db/schema/constants";

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
          <label className="flex flex-col text-xs" htmlFor={`${id}-k${index}`}>
            Name
            <input
              id={`${id}-k${index}`}
              value={row.key}
              onChange={(e) => set(index, { key: e.target.value })}
              className="w-32 rounded-md border border-line bg-paper px-2 py-1 text-sm"
            />
          </label>
          <label className="flex min-w-0 flex-1 flex-col text-xs" htmlFor={`${id}-v${index}`}>
            Value
            <input
              id={`${id}-v${index}`}
              value={row.value}
              onChange={(e) => set(index, { value: e.target.value })}
              className="rounded-md border border-line bg-paper px-2 py-1 text-sm"
            />
          </label>
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
      {error ? (
        <p className="text-sm text-danger" role="alert">
          {error}
        </p>
      ) : null}
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
    <label className="flex flex-col text-sm font-medium">
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as ClaimKindName)}
        className="rounded-md border border-line bg-paper px-2 py-1"
      >
        {CLAIM_KINDS.map((k) => (
          <option key={k} value={k}>
            {CLAIM_KIND_LABEL[k]}
          </option>
        ))}
      </select>
    </label>
  );
}
