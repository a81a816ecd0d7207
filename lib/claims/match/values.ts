// Whether two claims' extracted values (claims.values, lib/claims/kinds.ts) say the same thing:
// the same quantity within rounding, the same date, the same legal reference. Pure.

import { LEGAL_PROVISIONS } from "../kinds";

export interface ValueAgreement {
  /** What agrees, in words, for the desk ("2,500 personnel", "12 Jan 2022", "Article 4 of …"). */
  agreeing: string[];
  /** Both claims give a number (or a full date) and none of them agree. */
  conflicting: boolean;
}

type Values = Record<string, unknown> | null | undefined;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Significant digits of a number as it would be written: 2500 → 2, 2480 → 3, 0.25 → 2. */
function significantDigits(x: number): number {
  const digits = Math.abs(x)
    .toPrecision(15)
    .replace(/e.*$/u, "")
    .replace(".", "")
    .replace(/^0+/u, "")
    .replace(/0+$/u, "");
  return Math.max(1, digits.length);
}

function roundTo(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

/** The largest relative difference that rounding explains. */
const MAX_ROUNDING = 0.05;

/**
 * Two figures agree when one is the other rounded as it was written: "2.5 million" and
 * "2,481,000", "about 300" and "296"; not "2,500" and "3,000", nor "2,480" and "2,490".
 */
export function sameQuantity(a: number, b: number): boolean {
  if (a === b) return true;
  if (Math.sign(a) !== Math.sign(b)) return false;
  // A one-digit figure ("3,000") would otherwise swallow anything from 2,500 to 3,499.
  if (Math.abs(a - b) > MAX_ROUNDING * Math.max(Math.abs(a), Math.abs(b))) return false;
  return roundTo(b, significantDigits(a)) === a || roundTo(a, significantDigits(b)) === b;
}

function formatNumber(x: number): string {
  return x.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

/** The figures a claim states: its single quantity, or the bounds of a range. */
function figures(values: Values): number[] {
  if (!values) return [];
  return ["quantity", "min", "max"].map((k) => num(values[k])).filter((x) => x !== undefined);
}

function describeQuantity(x: number, values: Record<string, unknown>): string {
  const unit = str(values.unit);
  const currency = str(values.currency);
  if (unit === "percent") return `${formatNumber(x)}%`;
  const n = currency ? `${currency} ${formatNumber(x)}` : formatNumber(x);
  return unit ? `${n} ${unit}` : n;
}

/** A unit or currency given by both must be the same one ("300 troops" is not "300 tanks"). */
function compatible(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
}

function compareQuantities(a: Record<string, unknown>, b: Record<string, unknown>) {
  const fa = figures(a);
  const fb = figures(b);
  if (fa.length === 0 || fb.length === 0) return { agreeing: [] as string[], both: false };
  const unitsAgree =
    compatible(str(a.unit), str(b.unit)) && compatible(str(a.currency), str(b.currency));
  const agreeing: string[] = [];
  if (unitsAgree) {
    for (const x of fa) {
      if (fb.some((y) => sameQuantity(x, y))) agreeing.push(describeQuantity(x, a));
    }
  }
  return { agreeing: [...new Set(agreeing)], both: true };
}

function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** A full date both give, or a year (with its month or quarter when both have one). */
function compareDates(a: Record<string, unknown>, b: Record<string, unknown>) {
  const da = str(a.date);
  const db = str(b.date);
  if (da && db) return { agreeing: da === db ? [formatDate(da)] : [], both: true };
  const ya = num(a.year) ?? (da ? Number(da.slice(0, 4)) : undefined);
  const yb = num(b.year) ?? (db ? Number(db.slice(0, 4)) : undefined);
  if (ya === undefined || yb === undefined) return { agreeing: [] as string[], both: false };
  if (ya !== yb) return { agreeing: [] as string[], both: false };
  const ma = num(a.month) ?? (da ? Number(da.slice(5, 7)) : undefined);
  const mb = num(b.month) ?? (db ? Number(db.slice(5, 7)) : undefined);
  if (ma !== undefined && mb !== undefined) {
    return { agreeing: ma === mb ? [`${MONTHS[ma - 1] ?? ma} ${ya}`] : [], both: false };
  }
  return { agreeing: [String(ya)], both: false };
}

const normaliseInstrument = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the\s+/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The same provision of the same instrument (an instrument named by one claim only is allowed). */
function compareLegal(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  const ia = str(a.instrument);
  const ib = str(b.instrument);
  if (ia && ib && normaliseInstrument(ia) !== normaliseInstrument(ib)) return out;
  for (const key of LEGAL_PROVISIONS) {
    const pa = str(a[key]);
    const pb = str(b[key]);
    if (!pa || !pb || pa.toLowerCase() !== pb.toLowerCase()) continue;
    const provision = `${key[0]?.toUpperCase()}${key.slice(1)} ${pa}`;
    const instrument = ia ?? ib;
    out.push(instrument ? `${provision} of ${instrument}` : provision);
  }
  return out;
}

/** What two claims' values agree on, and whether their figures contradict each other. */
export function compareValues(a: Values, b: Values): ValueAgreement {
  if (!a || !b) return { agreeing: [], conflicting: false };
  const quantities = compareQuantities(a, b);
  const dates = compareDates(a, b);
  const legal = compareLegal(a, b);
  const agreeing = [...quantities.agreeing, ...dates.agreeing, ...legal];
  const conflicting =
    (quantities.both && quantities.agreeing.length === 0) ||
    (dates.both && dates.agreeing.length === 0);
  return { agreeing, conflicting };
}
