import type { ClaimKindName, ClaimStatus } from "@/db/schema/constants";

/**
 * How each kind looks in the text: a tint, an underline style of its own and a symbol after the
 * span, so kinds are told apart without relying on colour.
 */
export const KIND_STYLE: Record<ClaimKindName, { symbol: string; mark: string }> = {
  quantity: {
    symbol: "#",
    mark: "bg-sky-100 decoration-sky-700 decoration-solid",
  },
  date: {
    // ◷ (U+25F7) is in DejaVu Sans, which a fresh Debian Chromium has; ⏲ (U+23F2) is in no font
    // there and showed as a missing-glyph box.
    symbol: "◷",
    mark: "bg-amber-100 decoration-amber-700 decoration-double",
  },
  legal: {
    symbol: "§",
    mark: "bg-violet-100 decoration-violet-700 decoration-dotted",
  },
  quote: {
    symbol: "❝",
    mark: "bg-emerald-100 decoration-emerald-700 decoration-dashed",
  },
  event: {
    symbol: "!",
    mark: "bg-rose-100 decoration-rose-700 decoration-wavy",
  },
  comparison: {
    symbol: "≷",
    mark: "bg-lime-100 decoration-lime-700 decoration-solid",
  },
  statement: {
    symbol: "¶",
    mark: "bg-slate-100 decoration-slate-600 decoration-dotted",
  },
};

/** Status in the text: dismissed claims are struck through, approved ones outlined in green. */
export const STATUS_STYLE: Record<ClaimStatus, { mark: string; badge: string }> = {
  open: { mark: "", badge: "border-line" },
  in_review: { mark: "ring-1 ring-accent/40", badge: "border-accent" },
  pending_approval: {
    mark: "ring-1 ring-warn/60",
    badge: "border-warn",
  },
  approved: { mark: "ring-1 ring-ok", badge: "border-ok" },
  dismissed: {
    // opacity-70, not less: dismissed text keeps a 4.5:1 contrast (axe color-contrast).
    mark: "line-through opacity-70 bg-transparent",
    badge: "border-line border-dashed",
  },
};
