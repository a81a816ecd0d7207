/** Public link of a publication; the base comes from PUBLIC_URL or the request. */
export function publicReportUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/r/${token}`;
}

export function internalReportUrl(baseUrl: string, articleId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/articles/${articleId}/report`;
}

/**
 * The app's public origin: PUBLIC_URL when set (use it behind a proxy), else the request's own
 * Host and protocol.
 */
export function baseUrlFrom(headers: Headers, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, "");
  const host = headers.get("host") ?? "localhost";
  const proto =
    headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
