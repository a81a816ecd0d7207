import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

/** The columns a user row may leave the server with: never the password hash. */
export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  version: users.version,
};

export type PublicUser = {
  id: string;
  email: string;
  name: string;
  role: "reviewer" | "editor" | "admin";
  disabledAt: Date | null;
  createdAt: Date;
  version: number;
};

export async function findUserForUpdate(tx: Executor, id: string): Promise<PublicUser | undefined> {
  const [row] = await tx
    .select(publicUserColumns)
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  return row;
}

/** Active admins other than the given user, counted under a lock so two demotions cannot race. */
export async function countOtherActiveAdmins(tx: Executor, exceptId: string): Promise<number> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, exceptId)))
    .for("update");
  return rows.length;
}

export function emailTaken(tx: Executor, email: string) {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
}
