"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "../../../_components/button";
import { useToast } from "../../../_components/toast";
import { unlinkAppearanceAction } from "./actions";

/** Takes one appearance out of the tracked claim (editors), after asking. */
export function UnlinkButton({
  trackedClaimId,
  claimId,
  version,
  label,
}: {
  trackedClaimId: string;
  claimId: string;
  version: number;
  /** The appearance, for the confirmation and the button's accessible name. */
  label: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      busy={pending}
      aria-label={`Unlink the appearance in ${label}`}
      onClick={() => {
        if (!window.confirm(`Take the appearance in "${label}" out of this tracked claim?`)) return;
        startTransition(async () => {
          const result = await unlinkAppearanceAction({ trackedClaimId, claimId, version });
          if (result.ok) {
            toast("Appearance unlinked.", "success");
            router.refresh();
            return;
          }
          if (result.code === "conflict") router.refresh();
          toast(result.error, "error");
        });
      }}
    >
      Unlink
    </Button>
  );
}
