import Link from "next/link";
import type { UserRole } from "@/db/schema/constants";
import { can } from "@/lib/auth/permissions";
import { SEARCH_QUERY_MAX } from "@/lib/validation/search";
import { signOutAction } from "../(app)/account/actions";
import { SearchShortcut } from "./search-shortcut";

const ROLE_LABEL: Record<UserRole, string> = {
  reviewer: "Reviewer",
  editor: "Editor",
  admin: "Admin",
};

export function AppHeader({ user }: { user: { name: string; email: string; role: UserRole } }) {
  const nav = [
    { href: "/queue", label: "My queue", show: true },
    { href: "/articles", label: "Articles", show: true },
    { href: "/claims", label: "Claims", show: can(user.role, "dashboard.view") },
    { href: "/dashboard", label: "Dashboard", show: can(user.role, "dashboard.view") },
    { href: "/admin/users", label: "Users", show: can(user.role, "users.manage") },
  ].filter((item) => item.show);
  return (
    <header className="border-b border-line bg-paper">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/articles" className="text-lg font-bold tracking-tight text-ink no-underline">
          Claimtrack
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-1">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="rounded px-2 py-1 text-sm font-medium hover:bg-wash"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <search aria-label="Site search">
          <form action="/search" className="flex items-center gap-1">
            <label htmlFor="site-search" className="sr-only">
              Search claims, articles and sources
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              maxLength={SEARCH_QUERY_MAX}
              placeholder="Search (press /)"
              aria-keyshortcuts="/"
              className="w-48 rounded-md border border-line bg-paper px-2 py-1 text-sm"
            />
            <button
              type="submit"
              className="rounded-md border border-line px-2 py-1 text-sm font-medium hover:bg-wash"
            >
              Search
            </button>
          </form>
          <SearchShortcut />
        </search>
        <details className="relative">
          <summary className="cursor-pointer list-none rounded px-2 py-1 text-sm hover:bg-wash">
            <span className="font-medium">{user.name}</span>{" "}
            <span className="text-muted">({ROLE_LABEL[user.role]})</span>
            <span className="sr-only"> — open the user menu</span>
          </summary>
          <div className="absolute right-0 z-40 mt-1 w-56 rounded-md border border-line bg-paper p-2 shadow-lg">
            <p className="truncate px-2 pb-2 text-xs text-muted">{user.email}</p>
            <Link href="/account" className="block rounded px-2 py-1 text-sm hover:bg-wash">
              Account and sessions
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="block w-full rounded px-2 py-1 text-left text-sm hover:bg-wash"
              >
                Sign out
              </button>
            </form>
          </div>
        </details>
      </div>
    </header>
  );
}
