/**
 * CSV as RFC 4180 says (CRLF rows, fields quoted when they hold a quote, comma, CR or LF, quotes
 * doubled), with spreadsheet formula injection neutralised: a cell that begins with =, +, -, @,
 * tab or CR gets a leading apostrophe, which spreadsheets show as text.
 */
import { stripBidiControls } from "./bidi";

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  // Bidirectional controls are stripped from every cell (lib/bidi.ts), before the formula check
  // so that none can hide a leading "=" from it.
  const text = neutraliseCell(
    stripBidiControls(value instanceof Date ? value.toISOString() : String(value)),
  );
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A whole file: a UTF-8 byte-order mark first, so spreadsheet programs read the text as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${csvRow(header)}${rows.map(csvRow).join("")}`;
}
