import { describe, expect, it } from "vitest";
import { actorId, actorOf, isSystem, SYSTEM_ACTORS, type SystemName } from "@/lib/auth/actor";
import { can, PERMISSIONS, type Permission, requirePermission } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

const user = { id: "u1", email: "a@example.test", name: "A", role: "admin" as const };

/** What each part of the system may do; everything else is refused. */
const SYSTEM_MAY: Record<SystemName, Permission[]> = {
  seed: ["users.create"],
  cli: ["users.create"],
  "sign-in": ["account.sign_in"],
  "sign-out": ["account.sign_out"],
  "password-link": ["account.set_password_by_link"],
};

describe("the permission map and the system", () => {
  for (const system of SYSTEM_ACTORS) {
    it(`allows "${system}" only ${SYSTEM_MAY[system].join(", ")}`, () => {
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
        const check = () => requirePermission({ system }, permission);
        if (SYSTEM_MAY[system].includes(permission)) expect(check).not.toThrow();
        else expect(check).toThrow(ForbiddenError);
      }
    });
  }

  it("gives no role what only the system does, and keeps creating users to admins", () => {
    for (const role of ["reviewer", "editor", "admin"] as const) {
      expect(can(role, "account.sign_in")).toBe(false);
      expect(can(role, "account.sign_out")).toBe(false);
      expect(can(role, "account.set_password_by_link")).toBe(false);
      expect(can(role, "users.create")).toBe(role === "admin");
    }
  });

  it("tells a user from the system in a context", () => {
    const db = {} as never;
    expect(actorOf({ db, actor: user })).toBe(user);
    expect(actorOf({ db, actor: { system: "cli" } })).toEqual({ system: "cli" });
    expect(isSystem({ system: "seed" })).toBe(true);
    expect(isSystem(user)).toBe(false);
    expect(actorId(user)).toBe("u1");
    expect(actorId({ system: "seed" })).toBeNull();
  });
});
