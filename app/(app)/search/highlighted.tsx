import { Fragment } from "react";
import type { HighlightPiece } from "@/lib/search/highlight";

/**
 * A text with its matched words in <mark>: the pieces are plain strings that React escapes, so a
 * claim's own markup stays text.
 */
export function Highlighted({ pieces }: { pieces: readonly HighlightPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) =>
        piece.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are fixed for a render
          <mark key={index} className="rounded-sm bg-yellow-100 px-0.5 font-semibold text-ink">
            {piece.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are fixed for a render
          <Fragment key={index}>{piece.text}</Fragment>
        ),
      )}
    </>
  );
}
