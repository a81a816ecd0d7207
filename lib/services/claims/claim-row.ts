import { type Claim, claims } from "@/db/schema";

/** The columns a change reads and returns, and the client shows after a conflict. */
export const claimColumns = {
  id: claims.id,
  articleId: claims.articleId,
  text: claims.text,
  start: claims.start,
  end: claims.end,
  prefix: claims.prefix,
  suffix: claims.suffix,
  kind: claims.kind,
  score: claims.score,
  values: claims.values,
  speaker: claims.speaker,
  speakerRole: claims.speakerRole,
  status: claims.status,
  assigneeId: claims.assigneeId,
  origin: claims.origin,
  dismissReason: claims.dismissReason,
  rating: claims.rating,
  approvedAt: claims.approvedAt,
  trackedClaimId: claims.trackedClaimId,
  recheckOn: claims.recheckOn,
  recheckReason: claims.recheckReason,
  version: claims.version,
  updatedAt: claims.updatedAt,
};
export type ClaimRow = Pick<Claim, keyof typeof claimColumns>;

/** What the audit log keeps of a claim: enough to see what changed, not the whole row. */
export function claimSnapshot(claim: ClaimRow) {
  return {
    text: claim.text,
    start: claim.start,
    end: claim.end,
    kind: claim.kind,
    values: claim.values,
    status: claim.status,
    dismissReason: claim.dismissReason,
    version: claim.version,
  };
}
