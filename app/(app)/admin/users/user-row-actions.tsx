"use client";

import { useRouter } from "next/navigation";
import { type ButtonHTMLAttributes, useState, useTransition } from "react";
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

/** A row's button: its verb, then whose row it is for screen readers ("Enable Ann Lee"). */
function UserButton({
  verb,
  name,
  joiner = " ",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { verb: string; name: string; joiner?: string }) {
  return (
    <button
      type="button"
      {...props}
      className={["rounded-md border border-line px-2 py-1 text-sm", className]
        .filter(Boolean)
        .join(" ")}
    >
      {verb}
      <span className="sr-only">
        {joiner}
        <bdi>{name}</bdi>
      </span>
    </button>
  );
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
        <UserButton
          type="submit"
          verb="Save role"
          joiner=" of "
          name={user.name}
          disabled={pending || role === user.role}
          className="disabled:opacity-50"
        />
      </form>
      {user.disabled ? (
        <UserButton
          verb="Enable"
          name={user.name}
          disabled={pending}
          onClick={() =>
            run(
              () => enableUserAction({ userId: user.id, version: user.version }),
              `${user.name} can sign in again.`,
            )
          }
        />
      ) : (
        <UserButton
          verb="Disable"
          name={user.name}
          disabled={pending || isSelf}
          title={isSelf ? "You cannot disable your own account" : undefined}
          className="text-danger"
          onClick={() => setConfirming(true)}
        />
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
