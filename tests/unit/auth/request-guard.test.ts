import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRequest } from "@/lib/server/request-guard";

/** What the app behind the guard saw of a request that reached it. */
interface Seen {
  nonce: string | undefined;
  csp: string | undefined;
  reportOnly: string | undefined;
  requestId: string | undefined;
  forwarded: Record<string, string | undefined>;
}

const FORWARDED = {
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
  "x-forwarded-for": "203.0.113.9",
  forwarded: "host=evil.example;proto=https",
};

describe("request guard (CSP nonce and the sign-in redirect)", () => {
  const servers: http.Server[] = [];
  const bases: Record<"production" | "development" | "proxied", string> = {
    production: "",
    development: "",
    proxied: "",
  };

  beforeAll(async () => {
    for (const mode of ["production", "development", "proxied"] as const) {
      const server = http.createServer((req, res) => {
        const options = { dev: mode === "development", trustProxy: mode === "proxied" };
        if (guardRequest(req, res, options)) return;
        const seen: Seen = {
          nonce: req.headers["x-nonce"] as string | undefined,
          csp: req.headers["content-security-policy"] as string | undefined,
          reportOnly: req.headers["content-security-policy-report-only"] as string | undefined,
          requestId: req.headers["x-request-id"] as string | undefined,
          forwarded: Object.fromEntries(
            Object.keys(FORWARDED).map((name) => [name, req.headers[name] as string | undefined]),
          ),
        };
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(seen));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      bases[mode] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  const get = (
    path: string,
    headers: Record<string, string> = {},
    mode: keyof typeof bases = "production",
  ) => fetch(`${bases[mode]}${path}`, { headers, redirect: "manual" });

  it("sends a signed-out visitor to sign in, keeping the path and query they asked for", async () => {
    const response = await get("/claims?sort=score&kind=quote");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "/login?callbackUrl=%2Fclaims%3Fsort%3Dscore%26kind%3Dquote",
    );
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it.each([
    "authjs.session-token=abc",
    "__Secure-authjs.session-token=abc",
    "theme=dark; authjs.session-token.0=abc; authjs.session-token.1=def",
  ])("lets a request with a session cookie through (%s)", async (cookie) => {
    const response = await get("/claims", { cookie });
    expect(response.status).toBe(200);
  });

  it.each(["xauthjs.session-token=abc", "authjs.session-token-fake=abc", "authjs.csrf-token=abc"])(
    "redirects with a cookie that only resembles a session's (%s)",
    async (cookie) => {
      expect((await get("/account", { cookie })).status).toBe(307);
    },
  );

  it.each([
    "/login",
    "/login?callbackUrl=%2Fclaims",
    "/api/health",
    "/r/some-token",
    "/set-password/abc",
  ])("lets a signed-out visitor reach %s", async (path) => {
    expect((await get(path)).status).toBe(200);
  });

  it("gives every page a fresh nonce, the same in the policy it sends and the one the app reads", async () => {
    const seen: Seen[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await get("/login");
      const body = (await response.json()) as Seen;
      const header = response.headers.get("content-security-policy") ?? "";
      expect(body.csp).toBe(header);
      expect(header).toContain(`script-src 'self' 'nonce-${body.nonce}' 'strict-dynamic'`);
      seen.push(body);
    }
    expect(seen[0]?.nonce).not.toBe(seen[1]?.nonce);
    expect(seen[0]?.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("replaces a policy or nonce the client sent instead of passing it on", async () => {
    const response = await get("/login", {
      "x-nonce": "attacker",
      "content-security-policy": "script-src 'nonce-attacker'",
      "content-security-policy-report-only": "script-src 'nonce-attacker'",
    });
    const body = (await response.json()) as Seen;
    expect(body.nonce).not.toBe("attacker");
    expect(body.csp).not.toContain("attacker");
    expect(body.reportOnly).toBeUndefined();
  });

  it("gives every request its own id, the one the app logs and answers with, never the client's", async () => {
    const response = await get("/login", { "x-request-id": "chosen-by-client" });
    const body = (await response.json()) as Seen;
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-request-id")).toBe(body.requestId);
    const again = (await (await get("/login")).json()) as Seen;
    expect(again.requestId).not.toBe(body.requestId);
  });

  it("forbids plugins, framing and foreign base URLs, and allows eval only in development", async () => {
    const production = (await get("/login")).headers.get("content-security-policy") ?? "";
    for (const part of ["object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"]) {
      expect(production).toContain(part);
    }
    expect(production).not.toContain("unsafe-eval");
    const development = await fetch(`${bases.development}/login`);
    expect(development.headers.get("content-security-policy")).toContain("'unsafe-eval'");
  });

  it("drops the forwarded headers a client sent unless the proxy is trusted", async () => {
    for (const path of ["/login", "/_next/static/chunks/app.js"]) {
      const untrusted = (await (await get(path, FORWARDED)).json()) as Seen;
      expect(untrusted.forwarded, path).toEqual(
        Object.fromEntries(Object.keys(FORWARDED).map((name) => [name, undefined])),
      );
    }
    const trusted = (await (await get("/login", FORWARDED, "proxied")).json()) as Seen;
    expect(trusted.forwarded).toEqual(FORWARDED);
  });

  it("leaves static files alone", async () => {
    const response = await get("/_next/static/chunks/app.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(((await response.json()) as Seen).nonce).toBeUndefined();
  });
});
