"use client";

import { Button } from "../_components/button";

/**
 * What a page of the app shows when it failed unexpectedly. The server logged the error once
 * (instrumentation.ts), in one line that carries the digest shown here beside the request id, so
 * a report that quotes it finds that line. The digest is all Next.js passes from a failed server
 * render to this boundary: it is set before any code of ours sees the error, and a client
 * navigation's failed request renders nothing else this component could read.
 */
export default function AppError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-muted">This page could not be shown. Nothing was changed.</p>
      {error.digest ? (
        <p className="text-sm">
          Reference: <code data-testid="error-reference">{error.digest}</code>
        </p>
      ) : null}
      <Button onClick={retry}>Try again</Button>
    </div>
  );
}
