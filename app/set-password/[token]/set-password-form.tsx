"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { setPasswordSchema } from "@/lib/validation/auth";
import { Button } from "../../_components/button";
import { FormError, InputField } from "../../_components/field";
import { useZodForm } from "../../_components/use-zod-form";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { handleSubmit, field } = useZodForm(setPasswordSchema, {
    token,
    password: "",
    confirm: "",
  });

  if (done) {
    return (
      <p role="status">
        Your password is set.{" "}
        <Link href="/login" className="text-accent underline">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={handleSubmit((values) =>
        startTransition(async () => {
          const result = await setPasswordAction(values);
          if (result.ok) setDone(true);
          else setFormError(result.error);
        }),
      )}
    >
      <FormError message={error} />
      <InputField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="8 to 256 characters."
        {...field("password")}
      />
      <InputField
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        {...field("confirm")}
      />
      <Button type="submit" busy={pending}>
        Set password
      </Button>
    </form>
  );
}
