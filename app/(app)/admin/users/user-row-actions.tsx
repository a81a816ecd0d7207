"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { USER_ROLES, type UserRole } from "@/db/schema/constants";
import { useToast } from "../../../_components/toast";
import { changeRoleAction, disableUserAction, enableUserAction } from "./actions";

interface RowUser {
  id: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  version: number;
}

export function UserRowActions({ user, isSelf }: { user: RowUser; isSelf: boolean }) {
  const toast = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const run = (work: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) toast(done, "success");
      else toast(result.error ?? "That did not work.", "error");
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        Role of {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        defaultValue={user.role}
        disabled={pending}
        className="rounded-md border border-line bg-paper px-2 py-1 text-sm"
        onChange={(event) => {
          const role = event.target.value as UserRole;
          run(
            () => changeRoleAction({ userId: user.id, role, version: user.version }),
            `${user.name} is now ${role}.`,
          );
        }}
      >
        {USER_ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      {user.disabled ? (
        <button
          type="button"
          disabled={pending}
          className="rounded-md border border-line px-2 py-1 text-sm"
          onClick={() =>
            run(
              () => enableUserAction({ userId: user.id, version: user.version }),
              `${user.name} can sign in again.`,
            )
          }
        >
          Enable<span className="sr-only"> {user.name}</span>
        </button>
      ) : (
        <button
          type="button"
          disabled={pending || isSelf}
          title={isSelf ? "You cannot disable your own account" : undefined}
          className="rounded-md border border-line px-2 py-1 text-sm text-danger"
          onClick={() =>
            run(
              () => disableUserAction({ userId: user.id, version: user.version }),
              `${user.name} is disabled.`,
            )
          }
        >
          Disable<span className="sr-only"> {user.name}</span>
        </button>
      )}
    </div>
  );
}
