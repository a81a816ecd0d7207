import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) in its own step; doing it again in
  // every build would only slow `npm start` on a small machine.
  typescript: { ignoreBuildErrors: true },
  // Loaded from node_modules at run time rather than bundled: PGlite reads its WebAssembly and data
  // files next to its own module, argon2 is a native addon, wink's model is large.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "postgres",
    "pino",
    "wink-nlp",
    "wink-eng-lite-web-model",
    // pdfkit reads its font metrics and the DejaVu fonts from node_modules at run time.
    "pdfkit",
    // Starts its worker threads from its own files in node_modules (lib/workers/pool.ts).
    "piscina",
  ],
  // Headers for every response, static files included; the CSP with its nonce comes from
  // lib/server/request-guard.ts.
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    if (process.env.NODE_ENV === "production") {
      common.push({
        key: "Strict-Transport-Security",
        value: "max-age=63072000; includeSubDomains",
      });
    }
    return [{ source: "/:path*", headers: common }];
  },
  experimental: {
    serverActions: { bodySizeLimit: "3mb" },
  },
};

export default nextConfig;
