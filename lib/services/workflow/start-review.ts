import type { z } from "zod";
import type { Ctx } from "@/lib/services/context";
import type { claimRefSchema } from "@/lib/validation/workflow";
import { moveUnderReview } from "./take-claim";

/**
 * The assignee of an open claim starts work on it. An unassigned claim becomes the starter's,
 * so that work in progress always has an owner.
 */
export function startReview(ctx: Ctx, input: z.input<typeof claimRefSchema>) {
  return moveUnderReview(ctx, input, "start_review");
}
