import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { ValidationError } from "@/lib/errors";

/** Everyone who may hold claims: active reviewers, editors and admins (who are editors too). */
export async function listAssignees(db: Executor) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ["reviewer", "editor", "admin"])))
    .orderBy(asc(users.name));
}

export async function requireActiveAssignee(tx: Executor, userId: string) {
  const [user] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .for("share");
  if (!user) {
    throw new ValidationError("Choose an active reviewer or editor.", {
      assigneeId: ["Choose an active reviewer or editor."],
    });
  }
  return user;
}
