import type { ReactNode } from "react";

/** A column heading; a `srOnly` one names a column whose cells speak for themselves (actions). */
export type Column = string | { label: string; srOnly: true };

/**
 * A table that scrolls sideways on narrow screens instead of squeezing its columns: the caption
 * (for screen readers), the column headings, and the rows as children.
 */
export function Table({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-paper">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === "string" ? (
                <Th key={c}>{c}</Th>
              ) : (
                <Th key={c.label}>
                  <span className="sr-only">{c.label}</span>
                </Th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ children, className = "" }: { children?: ReactNode; className?: string }) {
  return (
    <th scope="col" className={`border-b border-line bg-wash px-3 py-2 font-semibold ${className}`}>
      {children}
    </th>
  );
}

export function Td({ children, className = "" }: { children?: ReactNode; className?: string }) {
  return <td className={`border-b border-line px-3 py-2 align-top ${className}`}>{children}</td>;
}
