// The service context lives with the actor it carries (lib/auth/actor.ts), below the services, so
// that lib/auth never imports from here.
export type { Actor, ActorCtx, Ctx, SessionUser, SystemActor, SystemCtx } from "@/lib/auth/actor";
