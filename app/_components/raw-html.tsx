import type { Html } from "@/lib/html";

/**
 * Inserts markup built by lib/html.ts (escaped by construction) in one element, so large read-only
 * charts and tables cost one string on the server instead of thousands of React elements.
 */
export function RawHtml({ html, className }: { html: Html; className?: string }) {
  return (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: Html values are escaped by lib/html.ts
    <div className={className} dangerouslySetInnerHTML={{ __html: html.value }} />
  );
}
