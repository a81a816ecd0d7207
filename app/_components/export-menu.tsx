"use client";

import { useEffect, useId, useRef, useState } from "react";
import { FORMAT_INFO, REPORT_FORMATS } from "@/lib/reports/formats";
import { buttonClass } from "./button";

/**
 * A disclosure of the six report downloads. Plain links (with `download`), so each one works by
 * keyboard, opens in a new tab with a modifier, and needs no script to fetch the file. Escape or
 * a click elsewhere closes the list and focus returns to the button.
 */
export function ExportMenu({ articleId }: { articleId: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative inline-block">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        className={buttonClass("secondary")}
        onClick={() => setOpen((value) => !value)}
      >
        Export report
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <ul
        id={listId}
        hidden={!open}
        aria-label="Download the report as"
        className="absolute left-0 z-40 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-line bg-paper p-1 shadow-lg"
      >
        {REPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              href={`/api/articles/${encodeURIComponent(articleId)}/report?format=${format}`}
              download
              className="block rounded px-3 py-2 text-sm hover:bg-wash focus-visible:bg-wash"
              onClick={() => setOpen(false)}
            >
              {FORMAT_INFO[format].label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
