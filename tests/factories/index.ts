import { randomUUID } from "node:crypto";
import { getTableName } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { type Article, articles, claims, type NewClaim, type User, users } from "@/db/schema";
import type { UserRole } from "@/db/schema/constants";
import { hashPassword } from "@/lib/auth/password";
import { hashBody } from "@/lib/services/articles/body";
import type { Ctx } from "@/lib/services/context";

let counter = 0;
const next = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 6)}`;

// One hash reused by every factory user: argon2 is deliberately slow.
const passwordHashes = new Map<string, Promise<string>>();
function hashFor(password: string) {
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    passwordHashes.set(password, hash);
  }
  return hash;
}

export const FACTORY_PASSWORD = "factory-password-1";

export async function makeUser(
  db: Db,
  overrides: Partial<{
    role: UserRole;
    email: string;
    name: string;
    password: string;
    disabled: boolean;
  }> = {},
): Promise<User> {
  const id = next();
  return insertOne(db, users, {
    email: overrides.email ?? `user-${id}@example.test`,
    name: overrides.name ?? `User ${id}`,
    role: overrides.role ?? "reviewer",
    passwordHash: await hashFor(overrides.password ?? FACTORY_PASSWORD),
    disabledAt: overrides.disabled ? new Date() : null,
  });
}

export function ctxFor(db: Db, user: User): Ctx {
  return { db, actor: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

export async function makeArticle(
  db: Db,
  overrides: Partial<{ title: string; body: string; createdBy: string }> = {},
): Promise<Article> {
  const id = next();
  const body =
    overrides.body ?? `Article ${id}. The ministry said 2,500 troops arrived on 6 January 2022.`;
  return insertOne(db, articles, {
    title: overrides.title ?? `Article ${id}`,
    body,
    bodyHash: hashBody(body),
    createdBy: overrides.createdBy ?? null,
  });
}

export async function makeClaim(db: Db, article: Article, overrides: Partial<NewClaim> = {}) {
  const start = overrides.start ?? 0;
  const end = overrides.end ?? Math.min(article.body.length, start + 20);
  return insertOne(db, claims, {
    articleId: article.id,
    text: article.body.slice(start, end),
    start,
    end,
    kind: "statement",
    ...overrides,
  });
}

/** One row written straight into a table, returned as stored (the factories' common step). */
export async function insertOne<T extends PgTable>(
  db: Db,
  table: T,
  values: PgInsertValue<T>,
): Promise<T["$inferSelect"]> {
  const [row] = (await db.insert(table).values(values).returning()) as T["$inferSelect"][];
  if (!row) throw new Error(`no ${getTableName(table)} row`);
  return row;
}
