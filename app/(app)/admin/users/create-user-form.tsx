"use client";

import { useState, useTransition } from "react";
import type { z } from "zod";
import { USER_ROLES } from "@/db/schema/constants";
import { createUserSchema } from "@/lib/validation/auth";
import { Button } from "../../../_components/button";
import { InputField, SelectField } from "../../../_components/field";
import { useToast } from "../../../_components/toast";
import { useZodForm } from "../../../_components/use-zod-form";
import { createUserAction } from "./actions";

type FormValues = z.input<typeof createUserSchema>;
type Created = {
  email: string;
  oneTimePassword?: string;
  setPasswordPath?: string;
  expiresAt?: string;
};

export function CreateUserForm() {
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<Created | null>(null);
  const { register, handleSubmit, reset, setError, field } = useZodForm(createUserSchema, {
    email: "",
    name: "",
    role: "reviewer",
    credential: "one_time_password",
  });

  const onSubmit = handleSubmit((values) => {
    startTransition(async () => {
      const result = await createUserAction(values);
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          setError(field as keyof FormValues, { message: messages[0] });
        }
        toast(result.error, "error");
        return;
      }
      setCreated(result.data);
      reset();
      toast(`Created ${result.data.email}.`, "success");
    });
  });

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <InputField label="Name" required {...field("name")} />
        <InputField label="Email" type="email" required {...field("email")} />
        <SelectField
          label="Role"
          options={USER_ROLES.map((r) => ({ value: r, label: r[0]?.toUpperCase() + r.slice(1) }))}
          {...field("role")}
        />
        <SelectField
          label="First sign-in"
          options={[
            { value: "one_time_password", label: "Show a one-time password now" },
            {
              value: "set_password_link",
              label: "Make a set-password link (48 hours, single use)",
            },
          ]}
          {...register("credential")}
        />
        <div className="sm:col-span-2">
          <Button type="submit" busy={pending}>
            {pending ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
      {created ? (
        <div role="status" className="rounded-md border border-ok bg-wash p-3 text-sm">
          <p className="font-medium">{created.email} was created. This is shown only once:</p>
          {created.oneTimePassword ? (
            <p className="mt-1">
              One-time password:{" "}
              <code data-testid="one-time-password" className="rounded bg-paper px-1 font-mono">
                {created.oneTimePassword}
              </code>
            </p>
          ) : null}
          {created.setPasswordPath ? (
            <p className="mt-1 break-all">
              Set-password link:{" "}
              <code className="rounded bg-paper px-1 font-mono">
                {typeof window === "undefined"
                  ? created.setPasswordPath
                  : `${window.location.origin}${created.setPasswordPath}`}
              </code>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
