/*
 * A client component's props sent as one JSON string. React serialises props value by value, with a
 * callback for each, once into the page's payload and again when the HTML is rendered from that
 * payload; fifty claims or two years of weekly figures are thousands of values, and that was about a
 * tenth of a claim list page's server time (tests/bench/RESULTS.md). As one string they are one
 * value, written and read by the engine's own JSON. The page carries the same bytes.
 *
 * For plain data: strings, numbers, booleans, null, arrays and objects of them, and dates, which
 * arrive as ISO 8601 strings (the type says so).
 */
declare const shape: unique symbol;

/** JSON text of a `T`, typed so that a component can only be handed the data it expects. */
export type JsonProps<T> = string & { readonly [shape]: T };

/** What `T` is once it has been through JSON: dates become their ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends object
    ? { [K in keyof T]: Jsonified<T[K]> }
    : T;

export function toJsonProps<T>(value: T): JsonProps<Jsonified<T>> {
  return JSON.stringify(value) as JsonProps<Jsonified<T>>;
}

export function fromJsonProps<T>(text: JsonProps<T>): T {
  return JSON.parse(text) as T;
}

const TEXTS = new WeakMap<object, string>();

/**
 * `toJsonProps` for a value shared from a cache (lib/services/data-version.ts), which nobody
 * mutates: its text is made once and reused for as long as the value lives.
 */
export function toSharedJsonProps<T extends object>(value: T): JsonProps<Jsonified<T>> {
  let text = TEXTS.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    TEXTS.set(value, text);
  }
  return text as JsonProps<Jsonified<T>>;
}

/**
 * `render` memoised by its props' text on the server, for the last `limit` texts (oldest out): a
 * page reused from a cache arrives as the same text on every request until the data changes, and
 * what it renders to is a function of that text alone. In the browser each text renders once
 * anyway, so nothing is kept there. A Map in insertion order rather than lru-cache: client
 * components import this module, and the browser would download a library it never uses.
 */
export function memoByJsonProps<T, R>(
  limit: number,
  render: (value: T) => R,
): (text: JsonProps<T>) => R {
  const rendered = new Map<string, R>();
  return (text) => {
    if (typeof window !== "undefined") return render(fromJsonProps(text));
    let result = rendered.get(text);
    if (result === undefined) {
      result = render(fromJsonProps(text));
      if (rendered.size >= limit) rendered.delete(rendered.keys().next().value ?? "");
      rendered.set(text, result);
    }
    return result;
  };
}
