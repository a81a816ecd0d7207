/*
 * Whether a request that changes something comes from the app's own pages. A browser sends the
 * page's origin in `Origin`; it must name the host the request was sent to. That host is the
 * `Host` header unless the app sits behind a proxy it trusts (TRUST_PROXY), whose
 * `X-Forwarded-Host` and `X-Forwarded-Proto` then say what the browser saw. Without TRUST_PROXY
 * those headers are whatever the client wrote, so they count for nothing here (and the server
 * drops them before Next.js sees them, see request-guard.ts).
 */

/** A Host header: a name or an IPv4 address, or a bracketed IPv6 address, and a port. */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** A proxy header may list several values; the first is the one the outermost proxy set. */
function firstValue(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}

interface HeaderReader {
  get(name: string): string | null;
}

export function isSameOrigin(headers: HeaderReader, trustProxy: boolean): boolean {
  const originHeader = headers.get("origin");
  if (!originHeader) return false;
  let origin: URL;
  try {
    origin = new URL(originHeader);
  } catch {
    return false;
  }
  if (origin.protocol !== "http:" && origin.protocol !== "https:") return false;
  const forwardedHost = trustProxy ? firstValue(headers.get("x-forwarded-host")) : null;
  const host = forwardedHost ?? headers.get("host");
  if (!host || !HOST.test(host)) return false;
  if (trustProxy) {
    const proto = firstValue(headers.get("x-forwarded-proto"))?.toLowerCase();
    if (proto && origin.protocol !== `${proto}:`) return false;
  }
  // Through URL, so case and a default port are written the same way on both sides.
  return new URL(`${origin.protocol}//${host}`).host === origin.host;
}
