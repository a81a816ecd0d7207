"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ArticleMetaInput } from "@/lib/validation/articles";
import { ArticleMetaFields, useArticleMetaForm } from "../../../_components/article-meta-fields";
import { Button } from "../../../_components/button";
import { InputField, TextareaField } from "../../../_components/field";
import { useToast } from "../../../_components/toast";

type ImportResponse =
  | {
      ok: true;
      data:
        | { status: "created"; article: { id: string; title: string }; claimCount: number }
        | { status: "duplicate"; article: { id: string; title: string } };
    }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

/**
 * Posts the import with XMLHttpRequest, the one browser API that reports upload progress. It is
 * not tied to this page: navigating elsewhere in the app leaves it running, and the server
 * finishes the import whatever happens to the browser.
 */
function postImport(
  form: FormData,
  onUploaded: (share: number) => void,
  onProcessing: () => void,
): Promise<ImportResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/articles/import");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploaded(event.loaded / event.total);
    };
    xhr.upload.onload = onProcessing;
    xhr.onload = () => {
      const body = xhr.response as ImportResponse | null;
      resolve(body ?? { ok: false, error: `The server answered ${xhr.status}.`, code: "internal" });
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        error: "The connection failed. Check the article list before trying again.",
        code: "network",
      });
    xhr.send(form);
  });
}

/** Above this size the page shows progress: extraction of a long text takes a while. */
const LARGE = 200_000;

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} KB`;
  return `${bytes} bytes`;
}

/** Reads a file with progress, so a large upload shows it is moving before it is sent. */
function readFile(file: File, onProgress: (share: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

type Phase =
  | { step: "idle" }
  | { step: "reading"; share: number }
  | { step: "uploading"; share: number }
  | { step: "processing"; bytes: number; startedAt: number };

/** Where the article text comes from: pasted into the form, or a file. */
const SOURCE_MODES = [
  { mode: "paste", label: "Paste text" },
  { mode: "file", label: "Upload a file" },
] as const;
type SourceMode = (typeof SOURCE_MODES)[number]["mode"];

export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const toast = useToast();
  const [mode, setMode] = useState<SourceMode>("paste");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{ id: string; title: string } | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [now, setNow] = useState(() => Date.now());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    if (phase.step !== "processing") return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [phase.step]);

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors },
  } = useArticleMetaForm();

  async function checkBody(): Promise<number | null> {
    if (mode === "paste") {
      if (text.trim() === "") return fail("Paste the article text first.");
      const bytes = new TextEncoder().encode(text).byteLength;
      if (bytes > maxBytes)
        return fail(`The text is ${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)}.`);
      return bytes;
    }
    if (!file) return fail("Choose a .txt, .md or .html file.");
    if (file.size > maxBytes)
      return fail(`The file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`);
    if (file.size === 0) return fail("The file is empty.");
    setPhase({ step: "reading", share: 0 });
    const bytes = await readFile(file, (share) => setPhase({ step: "reading", share }));
    if (bytes.includes(0))
      return fail("This file contains NUL bytes: it looks like a binary file, not text.");
    return bytes.byteLength;
  }

  function fail(message: string): null {
    setBodyError(message);
    setPhase({ step: "idle" });
    return null;
  }

  const onSubmit = handleSubmit(async (values) => {
    setBodyError(null);
    setDuplicate(null);
    const bytes = await checkBody();
    if (bytes === null) return;
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) form.set(key, String(value ?? ""));
    if (mode === "file" && file) form.set("file", file);
    else form.set("text", text);
    setPhase({ step: "uploading", share: 0 });
    const result = await postImport(
      form,
      (share) => setPhase({ step: "uploading", share }),
      () => {
        setPhase({ step: "processing", bytes, startedAt: Date.now() });
        setNow(Date.now());
      },
    );
    setPhase({ step: "idle" });
    if (!result.ok) {
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (name === "body" || name === "file" || name === "text") setBodyError(messages[0] ?? "");
        else setError(name as keyof ArticleMetaInput, { message: messages[0] });
      }
      toast(result.error, "error");
      return;
    }
    if (result.data.status === "duplicate") {
      setDuplicate(result.data.article);
      return;
    }
    const { article, claimCount } = result.data;
    toast(`Imported “${article.title}” with ${claimCount} claims.`, "success");
    // Someone who left the page while it was processing stays where they went.
    if (mounted.current) router.push(`/articles/${article.id}`);
    else router.refresh();
  });

  const busy = phase.step !== "idle";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={busy}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Article text</legend>
        <div className="flex flex-wrap gap-4">
          {SOURCE_MODES.map((m) => (
            <label key={m.mode} className="flex items-center gap-2">
              <input
                type="radio"
                name="source"
                checked={mode === m.mode}
                onChange={() => setMode(m.mode)}
              />
              {m.label}
            </label>
          ))}
        </div>
        {mode === "paste" ? (
          <TextareaField
            label="Text"
            rows={12}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={bodyError ?? undefined}
            hint={`Up to ${formatBytes(maxBytes)}.`}
          />
        ) : (
          <InputField
            label="File"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              setBodyError(null);
              if (chosen && !getValues("title")) {
                setValue("title", chosen.name.replace(/\.[^.]+$/, ""));
              }
            }}
            error={bodyError ?? undefined}
            hint={`.txt, .md or .html, UTF-8, up to ${formatBytes(maxBytes)}. HTML is reduced to its text.`}
          />
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <ArticleMetaFields register={register} errors={errors} />
      </div>
      {duplicate ? (
        <div role="alert" className="rounded-md border border-accent bg-wash p-3 text-sm">
          This text is already here as{" "}
          <Link href={`/articles/${duplicate.id}`} className="font-medium text-accent underline">
            {duplicate.title}
          </Link>
          . Open it instead of importing a copy.
        </div>
      ) : null}
      <Progress phase={phase} now={now} />
      <Button type="submit" busy={busy}>
        {busy ? "Importing…" : "Import"}
      </Button>
    </form>
  );
}

function Progress({ phase, now }: { phase: Phase; now: number }) {
  if (phase.step === "reading") {
    return (
      <div role="status" className="space-y-1 text-sm">
        <p>Reading the file… {Math.round(phase.share * 100)}%</p>
        <progress
          value={phase.share}
          max={1}
          className="h-2 w-full"
          aria-label="Reading the file"
        />
      </div>
    );
  }
  if (phase.step === "uploading") {
    return (
      <div role="status" className="space-y-1 text-sm">
        <p>Sending… {Math.round(phase.share * 100)}%</p>
        <progress value={phase.share} max={1} className="h-2 w-full" aria-label="Sending" />
      </div>
    );
  }
  if (phase.step !== "processing") return null;
  const seconds = Math.max(0, Math.round((now - phase.startedAt) / 1000));
  const large = phase.bytes > LARGE;
  return (
    <div role="status" className="space-y-1 rounded-md border border-line bg-wash p-3 text-sm">
      <p>
        Processing {formatBytes(phase.bytes)}: storing the text and finding its claims…{" "}
        <span className="tabular-nums">{seconds} s</span>
      </p>
      <progress className="h-2 w-full" aria-label="Processing the article" />
      {large ? (
        <p className="text-muted">
          A long article takes a while. You can leave this page: the import goes on without it and
          the article appears in the{" "}
          <Link href="/articles" className="text-accent underline">
            article list
          </Link>{" "}
          when it is done.
        </p>
      ) : null}
    </div>
  );
}
