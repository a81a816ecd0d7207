"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { setPasswordSchema } from "@/lib/validation/auth";
import { Button } from "../../_components/button";
import { FormError, fieldBinder, InputField } from "../../_components/field";
import { setPasswordAction } from "./actions";

type Values = z.input<typeof setPasswordSchema>;

export function SetPasswordForm({ token }: { token: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { token, password: "", confirm: "" },
  });
  const field = fieldBinder(register, errors);

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
