import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError, PreconditionFailedError } from "@/lib/errors";
import { auditClaimChange, lockClaims, writeClaims } from "@/lib/services/claims/claim-change";
import { claimRefusal } from "@/lib/services/claims/claim-rules";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { bulkAssignSchema } from "@/lib/validation/workflow";
import { requireActiveAssignee } from "./assignees";

/**
 * Assigns several claims of one article to one person, all or nothing: a claim changed since the
 * list was loaded, or one that cannot be assigned, leaves every claim as it was.
 */
export async function bulkAssignClaims(ctx: Ctx, input: z.input<typeof bulkAssignSchema>) {
  requirePermission(ctx.actor, "claims.assign");
  const data = parseInput(bulkAssignSchema, input);
  const wanted = new Map(data.claims.map((c) => [c.id, c.version]));
  return ctx.db.transaction(async (tx) => {
    const assignee = await requireActiveAssignee(tx, data.assigneeId);
    const rows = await lockClaims(tx, [...wanted.keys()], { articleId: data.articleId });
    if (rows.length !== wanted.size) throw new NotFoundError("claim");
    const stale = rows.filter((row) => row.version !== wanted.get(row.id));
    if (stale.length > 0) {
      throw new ConflictError(
        `${stale.length} of the selected claims changed since you loaded the list. Reload and select again; nothing was assigned.`,
        stale,
      );
    }
    // The rules of one assignment, for each claim; the refusal counts them in one message.
    const closed = rows.filter((row) => claimRefusal(ctx.actor, row, "assign"));
    if (closed.length > 0) {
      throw new PreconditionFailedError(
        "transition",
        `${closed.length} of the selected claims are approved or dismissed and cannot be assigned. Nothing was assigned.`,
      );
    }
    // Every row is locked and at the version the user read, so one statement updates them all.
    const changing = rows.filter((row) => row.assigneeId !== assignee.id);
    if (changing.length > 0) {
      await writeClaims(tx, changing, { assigneeId: assignee.id });
      await auditClaimChange(
        tx,
        ctx.actor.id,
        changing.map((row) => ({
          claim: row,
          action: "claim.assign",
          before: { assigneeId: row.assigneeId },
          after: { assigneeId: assignee.id, bulk: true },
        })),
      );
    }
    const changed = changing.length;
    return { assigned: changed, unchanged: rows.length - changed, assignee: assignee.name };
  });
}
