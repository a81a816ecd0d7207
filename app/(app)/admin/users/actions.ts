"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { createUser } from "@/lib/services/users/create-user";
import { changeUserRole, disableUser, enableUser } from "@/lib/services/users/update-user";

export async function createUserAction(input: unknown) {
  return runAction(async () => {
    const created = await createUser(await requireCtx(), input);
    revalidatePath("/admin/users");
    return {
      email: created.user.email,
      oneTimePassword: created.oneTimePassword,
      setPasswordPath: created.setPasswordToken
        ? `/set-password/${created.setPasswordToken}`
        : undefined,
      expiresAt: created.expiresAt?.toISOString(),
    };
  });
}

export async function changeRoleAction(input: unknown) {
  return runAction(async () => {
    await changeUserRole(await requireCtx(), input);
    revalidatePath("/admin/users");
  });
}

export async function disableUserAction(input: unknown) {
  return runAction(async () => {
    await disableUser(await requireCtx(), input);
    revalidatePath("/admin/users");
  });
}

export async function enableUserAction(input: unknown) {
  return runAction(async () => {
    await enableUser(await requireCtx(), input);
    revalidatePath("/admin/users");
  });
}
