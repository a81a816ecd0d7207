import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, type Page } from "@playwright/test";

export const DEMO = {
  reviewer: {
    email: "reviewer@example.com",
    password: "demo-reviewer-2022",
    name: "Rita Reviewer",
  },
  editor: { email: "editor@example.com", password: "demo-editor-2022", name: "Eddie Editor" },
  admin: { email: "admin@example.com", password: "demo-admin-2022", name: "Ada Admin" },
} as const;
export type DemoRole = keyof typeof DEMO;

export const DEMO_TITLE = "Kazakhstan: Return of Russia and the end of the Nazarbayev era";

export const storageState = (role: DemoRole) => path.join("tests", "e2e", ".auth", `${role}.json`);

export async function signIn(page: Page, email: string, password: string, path = "/login") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The id Next.js gave a server action in this build, to call it without the UI. */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!entry) throw new Error(`no server action named ${exportedName} in this build`);
  return entry[0];
}

/** POSTs to a server action the way the browser does, with whatever cookie the request carries. */
export async function callAction(
  request: APIRequestContext,
  pagePath: string,
  exportedName: string,
  args: unknown[],
  baseURL: string,
) {
  const response = await request.post(pagePath, {
    headers: {
      "Next-Action": actionId(exportedName),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return {
    status: response.status(),
    body: await response.text(),
    redirect: response.headers()["x-action-redirect"],
  };
}

export async function expectNotFoundPage(page: Page) {
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

/** Signs in through Auth.js's own endpoints, as a script would, and returns the response. */
export async function postCredentials(
  request: APIRequestContext,
  origin: string,
  email: string,
  password: string,
) {
  const csrf = await request.get(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post(`${origin}/api/auth/callback/credentials`, {
    form: { email, password, csrfToken, callbackUrl: `${origin}/articles` },
    maxRedirects: 0,
  });
}
