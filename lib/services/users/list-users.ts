import { asc } from "drizzle-orm";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { type PublicUser, publicUserColumns } from "./queries";

export async function listUsers(ctx: Ctx): Promise<PublicUser[]> {
  requirePermission(ctx.actor, "users.manage");
  return ctx.db.select(publicUserColumns).from(users).orderBy(asc(users.name), asc(users.email));
}
