import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { storeArticleWithClaims } from "@/lib/services/articles/store-article";
import type { Db, Executor } from "./client";
import type { UserRole } from "./schema/constants";
import { users } from "./schema/users";

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
    url: null,
    // The page shows no date; the text places it in mid-January 2022 (see meta.json).
    publishedOn: "2022-01-15",
    publishedApproximate: true,
    body: fs.readFileSync(path.join(dir, "article.txt"), "utf8"),
  };
}

/**
 * Seeds demo users and the demo article into a database that has no users yet. A database with
 * users is never touched. Returns whether it seeded.
 */
async function hasUsers(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}

export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  // Most starts find users already: skip the deliberately slow password hashing then.
  if (await hasUsers(db)) return { seeded: false };
  const hashes = await Promise.all(DEMO_LOGINS.map((login) => hashPassword(login.password)));
  const article = readDemoArticle();
  return db.transaction(async (tx) => {
    // Serialise concurrent seeders the same way migrations are serialised, then look again.
    await tx.execute(sql`select pg_advisory_xact_lock(7361224002)`);
    if (await hasUsers(tx)) return { seeded: false };
    const inserted = await tx
      .insert(users)
      .values(
        DEMO_LOGINS.map((login, i) => ({
          email: login.email,
          name: login.name,
          role: login.role,
          passwordHash: hashes[i] ?? null,
        })),
      )
      .returning({ id: users.id, role: users.role });
    const reviewer = inserted.find((u) => u.role === "reviewer");
    await storeArticleWithClaims(tx, article, reviewer?.id ?? null);
    return { seeded: true };
  });
}
