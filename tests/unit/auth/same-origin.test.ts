import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/server/same-origin";

const check = (headers: Record<string, string>, trustProxy = false) =>
  isSameOrigin(new Headers(headers), trustProxy);

describe("same-origin check", () => {
  it("accepts the app's own pages by the Host header", () => {
    expect(check({ origin: "http://localhost:3000", host: "localhost:3000" })).toBe(true);
    expect(check({ origin: "https://Claims.Example.org", host: "claims.example.org" })).toBe(true);
    // A default port is the same origin written two ways.
    expect(check({ origin: "http://claims.example.org", host: "claims.example.org:80" })).toBe(
      true,
    );
  });

  it("refuses another origin, a missing or odd Origin, and a missing or odd Host", () => {
    expect(check({ origin: "http://evil.example", host: "localhost:3000" })).toBe(false);
    expect(check({ origin: "http://localhost:3001", host: "localhost:3000" })).toBe(false);
    expect(check({ host: "localhost:3000" })).toBe(false);
    expect(check({ origin: "null", host: "localhost:3000" })).toBe(false);
    expect(check({ origin: "file://localhost:3000", host: "localhost:3000" })).toBe(false);
    expect(check({ origin: "http://localhost:3000" })).toBe(false);
    expect(check({ origin: "http://evil.example", host: "localhost@evil.example" })).toBe(false);
    expect(check({ origin: "http://evil.example", host: "evil.example/x" })).toBe(false);
  });

  it("ignores X-Forwarded-Host and X-Forwarded-Proto unless the proxy is trusted", () => {
    const forged = {
      origin: "https://evil.example",
      host: "localhost:3000",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    };
    expect(check(forged)).toBe(false);
    // Without a trusted proxy the page's own origin still passes whatever those headers say.
    expect(check({ ...forged, origin: "http://localhost:3000" })).toBe(true);
  });

  it("believes a trusted proxy's host and protocol, and only those", () => {
    const proxied = {
      host: "app:3000",
      "x-forwarded-host": "claims.example.org",
      "x-forwarded-proto": "https",
    };
    expect(check({ ...proxied, origin: "https://claims.example.org" }, true)).toBe(true);
    expect(check({ ...proxied, origin: "http://claims.example.org" }, true)).toBe(false);
    expect(check({ ...proxied, origin: "https://app:3000" }, true)).toBe(false);
    expect(check({ ...proxied, origin: "https://evil.example" }, true)).toBe(false);
    // Several values: the first is the one the outermost proxy set.
    expect(
      check(
        {
          ...proxied,
          "x-forwarded-host": "claims.example.org, app:3000",
          "x-forwarded-proto": "https, http",
          origin: "https://claims.example.org",
        },
        true,
      ),
    ).toBe(true);
    // A trusted proxy that sends no forwarded host leaves the Host header in charge.
    expect(check({ host: "claims.example.org", origin: "https://claims.example.org" }, true)).toBe(
      true,
    );
  });
});
