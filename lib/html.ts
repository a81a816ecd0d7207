/*
 * Markup built as one string. React costs a few microseconds per element twice over on the server
 * (the RSC payload, then the HTML) and sends every element again for hydration; the dashboard's
 * charts and tables hold thousands of read-only elements, so they are built here instead and
 * inserted once (see app/_components/raw-html.tsx). The report renderer uses the same escaping.
 *
 * Escaping is the default: every value put into an `html` template is escaped unless it is itself
 * `Html` (built by this module, so already safe). Arrays are joined; null, undefined and false
 * print nothing. Values go into element content or double-quoted attribute values only.
 */

const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Text for element content and quoted attribute values: nothing in it can become markup. */
export function escapeHtml(value: string): string {
  // One pass: every link's query has an "&", and a dashboard has hundreds of links.
  return SPECIAL.test(value) ? value.replace(SPECIALS, (ch) => ENTITY[ch] ?? ch) : value;
}

/** A string of markup that is safe to insert as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function print(value: HtmlValue): string {
  if (typeof value === "string") return escapeHtml(value);
  if (value instanceof Html) return value.value;
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value) out += print(item);
    return out;
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += print(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

/** ` name="value"`, or nothing when the value is absent: for optional attributes. */
export function attr(name: string, value: string | number | null | undefined | false): Html {
  if (value === null || value === undefined || value === false) return new Html("");
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`not an attribute name: ${name}`);
  return new Html(` ${name}="${escapeHtml(String(value))}"`);
}
