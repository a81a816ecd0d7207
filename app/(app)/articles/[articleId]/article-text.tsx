"use client";

import { memo, type RefObject, useMemo } from "react";
import {
  CLAIM_KIND_LABEL,
  CLAIM_STATUS_PHRASE,
  type ClaimKindName,
  type ClaimStatus,
} from "@/db/schema/constants";
import { KIND_STYLE, STATUS_STYLE } from "./claim-style";
import { cut } from "./text-pieces";

export interface TextClaim {
  id: string;
  start: number;
  end: number;
  kind: ClaimKindName;
  status: ClaimStatus;
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
            title={`${CLAIM_KIND_LABEL[claim.kind]} claim, ${CLAIM_STATUS_PHRASE[claim.status]}`}
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
