"use client";

import { useState, useTransition } from "react";
import { Button } from "../../../_components/button";
import { Dialog } from "../../../_components/dialog";
import { useToast } from "../../../_components/toast";
import { deleteArticleAction } from "./actions";
import { ArticleMetaForm, type EditableArticleMeta } from "./article-meta-form";

/** Title and details, with their edit form and (for editors) the delete button. */
export function ArticleHeader({
  article,
  claimCount,
  canEdit,
  canDelete,
}: {
  article: EditableArticleMeta;
  claimCount: number;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  return (
    <header className="space-y-2">
      <h1 className="text-2xl font-bold break-words">{article.title}</h1>
      <p className="text-sm text-muted">
        {article.outlet || article.author ? (
          <>
            {article.outlet ? <bdi>{article.outlet}</bdi> : null}
            {article.outlet && article.author ? " · " : null}
            {article.author ? <bdi>{article.author}</bdi> : null}
          </>
        ) : (
          "No outlet or author"
        )}
        {" · "}
        {article.publishedOn
          ? `${article.publishedApproximate ? "about " : ""}${article.publishedOn}`
          : "no date"}
        {safeUrl ? (
          <>
            {" · "}
            <a
              href={safeUrl}
              rel="noopener noreferrer nofollow"
              target="_blank"
              className="break-all text-accent underline"
            >
              {safeUrl}
            </a>
          </>
        ) : null}
      </p>
      <div className="flex flex-wrap gap-2">
        {canEdit && !editing ? (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        ) : null}
        {canDelete ? (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Delete article
          </Button>
        ) : null}
      </div>
      {editing ? (
        <div className="rounded-md border border-line bg-paper p-3">
          <ArticleMetaForm
            key={article.version}
            article={article}
            onDone={() => setEditing(false)}
          />
        </div>
      ) : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Delete this article?">
        <p className="text-sm">
          “<bdi>{article.title}</bdi>” and its {claimCount} claims, with their sources, verdicts and
          comments, will be deleted. This cannot be undone.
        </p>
        <div className="mt-4 flex gap-2">
          <Button
            variant="danger"
            busy={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await deleteArticleAction({
                  articleId: article.id,
                  version: article.version,
                });
                if (result && !result.ok) toast(result.error, "error");
              })
            }
          >
            Delete for good
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      </Dialog>
    </header>
  );
}
