"use client";

import { memo, type RefObject, useMemo } from "react";
import type { ClaimKindName, ClaimStatus } from "@/db/schema/constants";
import { KIND_STYLE, STATUS_STYLE } from "./claim-style";

export interface TextClaim {
  id: string;
  start: number;
  end: number;
  kind: ClaimKindName;
  status: ClaimStatus;
}

interface Piece {
  start: number;
  end: number;
  /** The narrowest claim covering this piece (the one a click selects), if any. */
  claim: TextClaim | null;
  /** This piece ends its claim's span: the kind symbol goes here. */
  closes: boolean;
}

/** Cuts the body at every claim boundary; overlapping claims show the narrowest on top. */
function cut(body: string, claims: TextClaim[]): Piece[] {
  const bounds = new Set<number>([0, body.length]);
  for (const c of claims) {
    bounds.add(Math.max(0, Math.min(body.length, c.start)));
    bounds.add(Math.max(0, Math.min(body.length, c.end)));
  }
  const points = [...bounds].sort((a, b) => a - b);
  const byStart = [...claims].sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let open: TextClaim[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    while (next < byStart.length && (byStart[next] as TextClaim).start <= start) {
      open.push(byStart[next] as TextClaim);
      next++;
    }
    open = open.filter((c) => c.end > start);
    const covering = open.filter((c) => c.start <= start && c.end >= end);
    const claim =
      covering.reduce<TextClaim | null>(
        (best, c) => (!best || c.end - c.start < best.end - best.start ? c : best),
        null,
      ) ?? null;
    pieces.push({ start, end, claim, closes: claim !== null && claim.end === end });
  }
  return pieces;
}

/**
 * The article text with its claims highlighted. Everything is rendered as React text, so markup in
 * an article is shown, never run.
 */
/** Memoised: a long article is many pieces, and selecting text must not re-render them all. */
export const ArticleText = memo(function ArticleText({
  body,
  claims,
  selectedId,
  onSelect,
  containerRef,
}: {
  body: string;
  claims: TextClaim[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  containerRef: RefObject<HTMLDivElement | null>;
}) {
  const pieces = useMemo(() => cut(body, claims), [body, claims]);
  return (
    <div
      ref={containerRef}
      data-testid="article-text"
      className="whitespace-pre-wrap break-words font-serif text-lg leading-relaxed"
    >
      {pieces.map((piece) => {
        const text = body.slice(piece.start, piece.end);
        if (!piece.claim) {
          return (
            <span key={piece.start} data-start={piece.start}>
              {text}
            </span>
          );
        }
        const claim = piece.claim;
        const kind = KIND_STYLE[claim.kind];
        const selected = claim.id === selectedId;
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the claim list beside it is the keyboard path (j/k, Tab); a click here is a shortcut.
          <mark
            key={piece.start}
            data-start={piece.start}
            data-claim-id={claim.id}
            data-kind={claim.kind}
            data-status={claim.status}
            data-label={piece.closes ? kind.symbol : undefined}
            title={`${kind.label} claim, ${STATUS_STYLE[claim.status].label.toLowerCase()}`}
            aria-current={selected ? "true" : undefined}
            onClick={() => onSelect(claim.id)}
            className={`cursor-pointer rounded-sm text-ink underline decoration-2 underline-offset-4 ${kind.mark} ${STATUS_STYLE[claim.status].mark} ${selected ? "outline-3 outline-accent" : ""} ${piece.closes ? "after:ml-0.5 after:align-super after:font-sans after:text-[0.65em] after:font-bold after:no-underline after:content-[attr(data-label)]" : ""}`}
          >
            {text}
          </mark>
        );
      })}
    </div>
  );
});
