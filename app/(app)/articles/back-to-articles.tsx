import Link from "next/link";

/** The way back to the article list, above the pages under it. */
export function BackToArticles() {
  return (
    <p className="text-sm">
      <Link href="/articles" className="text-accent underline">
        ← Articles
      </Link>
    </p>
  );
}
