"use server";

import { makeAction } from "@/lib/server/action";
import { createUser } from "@/lib/services/users/create-user";
import { changeUserRole, disableUser, enableUser } from "@/lib/services/users/update-user";

const USERS = ["/admin/users"];

export const createUserAction = makeAction(createUser, {
  revalidate: USERS,
  data: (created) => ({
    email: created.user.email,
    oneTimePassword: created.oneTimePassword,
    setPasswordPath: created.setPasswordToken
      ? `/set-password/${created.setPasswordToken}`
      : undefined,
    expiresAt: created.expiresAt?.toISOString(),
  }),
});

export const changeRoleAction = makeAction(changeUserRole, { revalidate: USERS });

export const disableUserAction = makeAction(disableUser, { revalidate: USERS });

export const enableUserAction = makeAction(enableUser, { revalidate: USERS });
