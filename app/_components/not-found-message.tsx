import Link from "next/link";

/** What a missing page, or one the account may not see, says (the two answer alike). */
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-muted">
        This page does not exist, or it is not available to your account.
      </p>
      <p className="mt-6">
        <Link href="/" className="text-accent underline">
          Go to the start page
        </Link>
      </p>
    </div>
  );
}
