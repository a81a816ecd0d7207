"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ArticleView } from "@/lib/services/articles/get-article";
import { AddClaimForm } from "./add-claim-form";
import { ArticleText } from "./article-text";
import { ClaimEditor } from "./claim-editor";
import { ClaimList, type Filters } from "./claim-list";
import { readSelection, type TextSpan, trimSpan } from "./text-selection";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The article text and its claim list, kept in step: selecting a claim in one selects and shows
 * it in the other; j/k move through the (filtered) claims and Enter opens the selected one.
 */
export function ArticleWorkspace({
  view,
  filters: initialFilters,
  initialClaimId,
  toolbar,
}: {
  view: ArticleView;
  filters: Filters;
  initialClaimId: string | null;
  toolbar?: ReactNode;
}) {
  const router = useRouter();
  // Filters apply at once here; the URL follows, so a reload or a shared link shows the same.
  const [filters, setFilterState] = useState<Filters>(initialFilters);
  const { article } = view;
  const textRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<TextSpan | null>(null);
  const visible = useMemo(
    () =>
      view.claims.filter(
        (c) =>
          (!filters.kind || c.kind === filters.kind) &&
          (!filters.status || c.status === filters.status) &&
          (!filters.priority || c.priority === filters.priority),
      ),
    [view.claims, filters.kind, filters.status, filters.priority],
  );
  // j/k walk the list as shown: the main group first, then the low-priority group below it.
  const listOrder = useMemo(
    () =>
      filters.priority
        ? visible
        : [
            ...visible.filter((c) => c.priority !== "low"),
            ...visible.filter((c) => c.priority === "low"),
          ],
    [visible, filters.priority],
  );
  const [lowOpen, setLowOpen] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(
    initialClaimId && view.claims.some((c) => c.id === initialClaimId) ? initialClaimId : null,
  );
  const selected = view.claims.find((c) => c.id === selectedId) ?? null;
  // A selected low-priority claim is shown, so its group opens.
  const selectedIsLow = selected?.priority === "low";
  useEffect(() => {
    if (selectedIsLow) setLowOpen(true);
  }, [selectedIsLow]);

  const select = useCallback((id: string, from: "text" | "list" | "keys") => {
    setSelectedId(id);
    // Show it in the other place, after React has marked it.
    requestAnimationFrame(() => {
      if (from !== "list") {
        document
          .querySelector(`[data-claim-item="${id}"]`)
          ?.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
      if (from !== "text") {
        document
          .querySelector(`mark[data-claim-id="${id}"]`)
          ?.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    });
  }, []);

  const selectFromText = useCallback((id: string) => select(id, "text"), [select]);

  // A link with ?claim= opens the page on that claim, shown in both places.
  const initialId = useRef(selectedId);
  useEffect(() => {
    if (initialId.current) select(initialId.current, "keys");
  }, [select]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === "j" || event.key === "k") {
        if (listOrder.length === 0) return;
        event.preventDefault();
        const index = listOrder.findIndex((c) => c.id === selectedId);
        const nextIndex =
          index < 0
            ? event.key === "j"
              ? 0
              : listOrder.length - 1
            : Math.min(listOrder.length - 1, Math.max(0, index + (event.key === "j" ? 1 : -1)));
        const target = listOrder[nextIndex];
        if (target) select(target.id, "keys");
      } else if (event.key === "Enter" && selectedId) {
        const target = event.target as HTMLElement | null;
        // Enter on a link or a button keeps its own meaning.
        if (target?.closest("a, button, summary, [role=button]")) return;
        event.preventDefault();
        router.push(`/articles/${article.id}/claims/${selectedId}`);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [listOrder, selectedId, select, router, article.id]);

  useEffect(() => {
    function onSelectionChange() {
      const container = textRef.current;
      if (!container) return;
      const span = readSelection(container, article.body);
      if (!span || span.end <= span.start) return;
      const trimmed = trimSpan(span);
      // selectionchange fires on every step of a drag: keep the state when nothing moved.
      setSelection((previous) =>
        previous && trimmed && previous.start === trimmed.start && previous.end === trimmed.end
          ? previous
          : trimmed,
      );
    }
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [article.body]);

  function setFilters(next: Filters) {
    setFilterState(next);
    const url = new URL(window.location.href);
    for (const key of ["kind", "status", "priority"] as const) {
      const value = next[key];
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    window.history.replaceState(window.history.state, "", url);
  }

  const order = view.claims;
  const position = selected ? order.findIndex((c) => c.id === selected.id) : -1;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section
        aria-label="Article text"
        className="min-w-0 rounded-lg border border-line bg-paper p-4"
      >
        <ArticleText
          body={article.body}
          claims={visible}
          selectedId={selectedId}
          onSelect={selectFromText}
          containerRef={textRef}
        />
      </section>
      <div className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        {selection && view.can.editClaims ? (
          <div className="space-y-1">
            <AddClaimForm
              key={`${selection.start}-${selection.end}`}
              articleId={article.id}
              selection={selection}
              onDone={(id) => {
                setSelection(null);
                window.getSelection()?.removeAllRanges();
                setSelectedId(id);
              }}
            />
            <button
              type="button"
              className="text-sm underline"
              onClick={() => {
                setSelection(null);
                window.getSelection()?.removeAllRanges();
              }}
            >
              Clear the selection
            </button>
          </div>
        ) : null}
        <ClaimList
          articleId={article.id}
          claims={visible}
          total={view.claims.length}
          selectedId={selectedId}
          onSelect={(id) => select(id, "list")}
          filters={filters}
          onFilter={setFilters}
          lowOpen={lowOpen}
          onLowToggle={setLowOpen}
          toolbar={toolbar}
          renderSelected={(claim) =>
            view.can.editClaims ? (
              <ClaimEditor
                key={`${claim.id}:${claim.version}`}
                claim={claim}
                previous={position > 0 ? (order[position - 1] ?? null) : null}
                next={position >= 0 ? (order[position + 1] ?? null) : null}
                selection={selection}
              />
            ) : null
          }
        />
      </div>
    </div>
  );
}
