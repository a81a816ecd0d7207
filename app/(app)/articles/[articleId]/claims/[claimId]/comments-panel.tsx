"use client";

import { useState } from "react";
import { formatTime } from "@/lib/format-time";
import { Button } from "../../../../../_components/button";
import { TextareaField } from "../../../../../_components/field";
import { addCommentAction } from "./actions";
import { useClaimAction } from "./use-claim-action";

export interface CommentRow {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
  mentionNames: string[];
}

export function CommentsPanel({
  where,
  comments,
}: {
  where: { articleId: string; claimId: string };
  comments: CommentRow[];
}) {
  const { pending, run } = useClaimAction();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <section aria-labelledby="comments-heading" className="space-y-3">
      <h2 id="comments-heading" className="text-xl font-semibold">
        Comments
      </h2>
      {comments.length === 0 ? (
        <p className="text-muted">No comments yet. Ask a colleague with @ and their name.</p>
      ) : (
        <ul className="space-y-3">
          {comments.map((c) => (
            <li key={c.id} className="rounded-lg border border-line bg-paper p-3">
              <p className="text-sm">
                <span className="font-medium">{c.authorName ?? "A former user"}</span>{" "}
                <span className="text-muted">{formatTime(c.createdAt)}</span>
              </p>
              {/* Plain text: React escapes it, and line breaks are kept by CSS. */}
              <p className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
              {c.mentionNames.length > 0 ? (
                <p className="mt-1 text-xs text-muted">Mentions: {c.mentionNames.join(", ")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          run(() => addCommentAction(where, { body }), {
            success: "Comment added.",
            onSuccess: () => {
              setBody("");
              setError(undefined);
            },
            onFailure: (f) => setError(f.fieldErrors?.body?.[0] ?? f.error),
          });
        }}
      >
        <TextareaField
          label="New comment"
          hint="Plain text. Mention someone with @ and their name or the first part of their email, e.g. @Rita or @reviewer."
          rows={3}
          value={body}
          error={error}
          onChange={(event) => setBody(event.target.value)}
        />
        <Button type="submit" variant="secondary" busy={pending}>
          Add comment
        </Button>
      </form>
    </section>
  );
}
