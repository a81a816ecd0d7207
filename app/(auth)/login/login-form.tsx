"use client";

import { useState, useTransition } from "react";
import { loginSchema } from "@/lib/validation/auth";
import { Button } from "../../_components/button";
import { InputField } from "../../_components/field";
import { useZodForm } from "../../_components/use-zod-form";
import { loginAction } from "./actions";

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { handleSubmit, field } = useZodForm(loginSchema, { email: "", password: "" });

  const onSubmit = handleSubmit((values) => {
    setError(null);
    startTransition(async () => {
      const result = await loginAction({ ...values, callbackUrl });
      if (result && !result.ok) setError(result.error);
    });
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-describedby={error ? "login-error" : undefined}
    >
      {notice && !error ? (
        <p className="rounded-md border border-line bg-wash p-3 text-sm" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p
          id="login-error"
          className="rounded-md border border-danger bg-paper p-3 text-sm text-danger"
          role="alert"
        >
          {error}
        </p>
      ) : null}
      <InputField
        label="Email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        {...field("email")}
      />
      <InputField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        {...field("password")}
      />
      <Button type="submit" className="w-full" busy={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
