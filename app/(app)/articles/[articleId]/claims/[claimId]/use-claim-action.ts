"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import { useToast } from "../../../../../_components/toast";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Runs a claim action with one behaviour everywhere: success is announced, a failure is shown,
 * and a conflict reloads the page data (new versions, the other person's change) while the form
 * keeps what the user typed, so pressing save again applies it on top.
 */
export function useClaimAction() {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  function run<T>(
    work: () => Promise<ActionResult<T>>,
    options: { success: string; onFailure?: (failure: Failure) => void; onSuccess?: () => void },
  ) {
    startTransition(async () => {
      const result = await work();
      if (result.ok) {
        toast(options.success, "success");
        options.onSuccess?.();
        return;
      }
      if (result.code === "conflict") router.refresh();
      options.onFailure?.(result);
      toast(result.error, "error");
    });
  }

  return { pending, run };
}
