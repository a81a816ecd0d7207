import fs from "node:fs";
import path from "node:path";

/*
 * What a browser does, over plain HTTP: sign in through Auth.js's credentials endpoint, and call
 * a server action the way Next.js's client does (a POST to the page with the action's id).
 */

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "");
}

/** Signs in with email and password; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookiesFrom(csrf).join("; "),
      Origin: baseUrl,
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/articles` }),
  });
  const session = cookiesFrom(response).find((c) => /authjs\.session-token=./.test(c));
  if (!session) {
    throw new Error(
      `sign-in of ${email} failed: ${response.status} ${response.headers.get("location")}`,
    );
  }
  return session;
}

/** A server action's id in the current build, from its file and exported name. */
export function findAction(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(
      path.join(process.cwd(), ".next/server/server-reference-manifest.json"),
      "utf8",
    ),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === filename && entry.exportedName === exportedName) return id;
  }
  throw new Error(`no server action ${exportedName} in ${filename} in this build`);
}

export type ActionResult =
  | { ok: true; data?: unknown }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

/**
 * Calls a server action from `page` with the given arguments and returns what it returned, or
 * { status } when the server did not answer with an action result (an error page, a 500).
 */
export async function callAction(
  baseUrl: string,
  cookie: string,
  page: string,
  actionId: string,
  args: unknown[],
): Promise<{ status: number; result: ActionResult | null }> {
  const response = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    headers: {
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      "Next-Action": actionId,
      Cookie: cookie,
      Origin: baseUrl,
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  // React's flight format: one row per line, `<id>:<json>`; row 1 is the action's return value.
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  let result: ActionResult | null = null;
  if (row) {
    try {
      result = JSON.parse(row.slice(2)) as ActionResult;
    } catch {
      result = null;
    }
  }
  return { status: response.status, result };
}
