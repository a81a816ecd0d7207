"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { USER_ROLES, type UserRole } from "@/db/schema/constants";
import { Button } from "../../../_components/button";
import { Dialog } from "../../../_components/dialog";
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
  const [role, setRole] = useState<UserRole>(user.role);
  const [confirming, setConfirming] = useState(false);

  const run = (work: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) toast(done, "success");
      else toast(result.error ?? "That did not work.", "error");
      setConfirming(false);
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* A separate button, so moving through the options with the arrow keys changes nothing. */}
      <form
        className="flex items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          run(
            () => changeRoleAction({ userId: user.id, role, version: user.version }),
            `${user.name} is now ${role}.`,
          );
        }}
      >
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of <bdi>{user.name}</bdi>
        </label>
        <select
          id={`role-${user.id}`}
          value={role}
          disabled={pending}
          className="rounded-md border border-line bg-paper px-2 py-1 text-sm"
          onChange={(event) => setRole(event.target.value as UserRole)}
        >
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={pending || role === user.role}
          className="rounded-md border border-line px-2 py-1 text-sm disabled:opacity-50"
        >
          Save role
          <span className="sr-only">
            {" of "}
            <bdi>{user.name}</bdi>
          </span>
        </button>
      </form>
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
          Enable
          <span className="sr-only">
            {" "}
            <bdi>{user.name}</bdi>
          </span>
        </button>
      ) : (
        <button
          type="button"
          disabled={pending || isSelf}
          title={isSelf ? "You cannot disable your own account" : undefined}
          className="rounded-md border border-line px-2 py-1 text-sm text-danger"
          onClick={() => setConfirming(true)}
        >
          Disable
          <span className="sr-only">
            {" "}
            <bdi>{user.name}</bdi>
          </span>
        </button>
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Disable ${user.name}?`}
      >
        <p className="text-sm">
          <bdi>{user.name}</bdi> is signed out everywhere at once and cannot sign in until an admin
          enables the account again. Their claims and history stay as they are.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            busy={pending}
            onClick={() =>
              run(
                () => disableUserAction({ userId: user.id, version: user.version }),
                `${user.name} is disabled.`,
              )
            }
          >
            Disable
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
