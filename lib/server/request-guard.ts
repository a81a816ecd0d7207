import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/*
 * What the server does to every request before Next.js sees it: a Content-Security-Policy with a
 * fresh script nonce, and a redirect to the sign-in page for a visitor without a session cookie.
 *
 * This was Next.js's proxy (middleware); done here it costs a few microseconds, where the proxy
 * took 11–20 % of a small page's throughput (tests/bench/RESULTS.md). Next.js takes the nonce
 * from the request's Content-Security-Policy header and puts it on its own scripts; pages read it
 * from `x-nonce`.
 *
 * Unless the app is told it sits behind a proxy (TRUST_PROXY), the `X-Forwarded-*` and
 * `Forwarded` headers a client sent are dropped here: Next.js would otherwise take
 * `X-Forwarded-Host` as the host a server action's `Origin` must match, and Auth.js would build
 * its addresses from them. Next.js then fills them in from the connection itself.
 *
 * The redirect is a convenience that keeps the address the visitor asked for: every page, action
 * and route handler checks the session itself, and a cookie that merely looks like a session gets
 * past this check to that one.
 */

/** Files that carry no page and need no policy of their own. */
function isAsset(pathname: string): boolean {
  return (
    pathname.startsWith("/_next/static/") ||
    pathname.startsWith("/_next/image") ||
    pathname === "/favicon.ico"
  );
}

/** Paths a signed-out visitor may reach; API routes answer 401 themselves instead. */
function isPublic(pathname: string): boolean {
  return (
    pathname === "/login" ||
    pathname.startsWith("/api/") ||
    pathname.startsWith("/r/") ||
    pathname.startsWith("/set-password") ||
    pathname.startsWith("/_next/")
  );
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token[=.]/;

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Next.js's development server evaluates code it sends; a production server never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-for",
] as const;

/**
 * Sets the request's policy headers, or answers it with the redirect to sign-in. Returns true when
 * the request was answered here.
 */
export function guardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: { dev: boolean; trustProxy?: boolean },
): boolean {
  if (!options.trustProxy) for (const name of FORWARDING_HEADERS) delete req.headers[name];
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
  if (isAsset(pathname)) return false;

  // The id the log and an error message name; never one a client chose.
  const requestId = crypto.randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  const nonce = crypto.randomBytes(16).toString("base64");
  const csp = contentSecurityPolicy(nonce, options.dev);
  // Whatever the client sent under these names is replaced, never passed on.
  req.headers["x-nonce"] = nonce;
  req.headers["content-security-policy"] = csp;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", csp);

  if (isPublic(pathname) || SESSION_COOKIE.test(req.headers.cookie ?? "")) return false;
  res.statusCode = 307;
  res.setHeader("Location", `/login?${new URLSearchParams({ callbackUrl: url })}`);
  res.setHeader("Cache-Control", "no-store");
  res.end();
  return true;
}
