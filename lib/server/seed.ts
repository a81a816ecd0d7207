import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import type { UserRole } from "@/db/schema/constants";
import { users } from "@/db/schema/users";
import { systemCtx } from "@/lib/auth/actor";
import { importArticle } from "@/lib/services/articles/import-article";
import { createUser } from "@/lib/services/users/create-user";

export interface DemoLogin {
  role: UserRole;
  name: string;
  email: string;
  password: string;
}

// Local demo accounts only: seeded into an empty embedded database (or with SEED_DEMO=true) and
// documented in the README. A real deployment creates its users with `npm run user:create`.
export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    role: "reviewer",
    name: "Rita Reviewer",
    email: "reviewer@example.com",
    password: "demo-reviewer-2022",
  },
  {
    role: "editor",
    name: "Eddie Editor",
    email: "editor@example.com",
    password: "demo-editor-2022",
  },
  { role: "admin", name: "Ada Admin", email: "admin@example.com", password: "demo-admin-2022" },
];

export function demoArticleDir(): string {
  return path.join(process.cwd(), "db", "demo", "kazakhstan-csto");
}

export function readDemoArticle() {
  const dir = demoArticleDir();
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8")) as {
    title: string;
    author: string;
    outlet: string;
  };
  return {
    title: meta.title,
    author: meta.author,
    outlet: meta.outlet,
    url: undefined,
    // The page shows no date; the text places it in mid-January 2022 (see meta.json).
    publishedOn: "2022-01-15",
    publishedApproximate: true,
    body: fs.readFileSync(path.join(dir, "article.txt"), "utf8"),
  };
}

async function hasUsers(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}

/**
 * Seeds demo users and the demo article into a database that has no users yet. A database with
 * users is never touched. Returns whether it seeded.
 */
export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  // Most starts find users already: skip the transaction and its lock then.
  if (await hasUsers(db)) return { seeded: false };
  const { extractClaims } = await import("@/lib/claims");
  return db.transaction(async (tx) => {
    // Serialise concurrent seeders the same way migrations are serialised, then look again.
    await tx.execute(sql`select pg_advisory_xact_lock(7361224002)`);
    if (await hasUsers(tx)) return { seeded: false };
    // The services every user goes through: the system ("seed") creates the users, ...
    const seed = systemCtx(tx, "seed");
    const created = [];
    for (const login of DEMO_LOGINS) {
      const { user } = await createUser(seed, login, { password: login.password });
      created.push(user);
    }
    // ... and the demo reviewer imports the article, extracted on this thread. The text is ours,
    // so no size limit applies.
    const reviewer = created.find((u) => u.role === "reviewer");
    if (!reviewer) throw new Error("the demo logins have no reviewer");
    const article = readDemoArticle();
    await importArticle(
      { db: tx, actor: reviewer },
      { ...article, text: article.body },
      { extract: extractClaims, maxBytes: Number.MAX_SAFE_INTEGER },
    );
    return { seeded: true };
  });
}
