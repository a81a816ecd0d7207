import {
  type APIRequestContext,
  expect,
  request as playwrightRequest,
  test,
} from "@playwright/test";
import { callAction, DEMO, postCredentials } from "./helpers";

// Server actions and route handlers called directly, as an attacker would, without the UI.
const ACTIONS = [
  {
    page: "/admin/users",
    name: "createUserAction",
    args: () => [{ email: `intruder-${Date.now()}@example.com`, name: "Intruder", role: "admin" }],
  },
  {
    page: "/admin/users",
    name: "changeRoleAction",
    args: () => [{ userId: "00000000-0000-4000-8000-000000000000", role: "admin", version: 1 }],
  },
  {
    page: "/admin/users",
    name: "disableUserAction",
    args: () => [{ userId: "00000000-0000-4000-8000-000000000000", version: 1 }],
  },
  {
    page: "/admin/users",
    name: "enableUserAction",
    args: () => [{ userId: "00000000-0000-4000-8000-000000000000", version: 1 }],
  },
  { page: "/account", name: "signOutEverywhereAction", args: () => [] },
];

async function newSignedInContext(
  baseURL: string,
  email: string,
  password: string,
): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const response = await postCredentials(context, baseURL, email, password);
  expect(response.status()).toBe(302);
  expect(response.headers().location).not.toContain("error");
  return context;
}

/** Refused: the action answered "unauthenticated", or sent the caller to the login page. */
function refused(result: { status: number; body: string; redirect?: string }): boolean {
  return (
    result.body.includes('"code":"unauthenticated"') || (result.redirect ?? "").startsWith("/login")
  );
}

async function userEmails(admin: APIRequestContext): Promise<string> {
  return (await admin.get("/admin/users")).text();
}

test.describe("HTTP-level authorization", () => {
  test("every action refuses a request with no cookie or a forged one, and nothing is written", async ({
    baseURL,
  }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    // A cookie that merely looks like a session gets past the server's redirect to the action itself.
    const forged = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { Cookie: "authjs.session-token=forged.not-a-jwt" },
    });
    const admin = await newSignedInContext(baseURL ?? "", DEMO.admin.email, DEMO.admin.password);
    for (const action of ACTIONS) {
      const plain = await callAction(
        anonymous,
        action.page,
        action.name,
        action.args(),
        baseURL ?? "",
      );
      expect(plain.status, action.name).toBe(307);
      const result = await callAction(
        forged,
        action.page,
        action.name,
        action.args(),
        baseURL ?? "",
      );
      expect(refused(result), `${action.name}: ${result.body}`).toBe(true);
    }
    await forged.dispose();
    expect(await userEmails(admin)).not.toContain("intruder-");
    // Route handlers answer 401/redirect without a session too; health stays public.
    expect((await anonymous.get("/api/health")).status()).toBe(200);
    const page = await anonymous.get("/admin/users", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    await anonymous.dispose();
    await admin.dispose();
  });

  test("a reviewer's cookie on an admin action is refused and writes nothing", async ({
    baseURL,
  }) => {
    const reviewer = await newSignedInContext(
      baseURL ?? "",
      DEMO.reviewer.email,
      DEMO.reviewer.password,
    );
    const admin = await newSignedInContext(baseURL ?? "", DEMO.admin.email, DEMO.admin.password);
    const email = `escalation-${Date.now()}@example.com`;
    const result = await callAction(
      reviewer,
      "/admin/users",
      "createUserAction",
      [{ email, name: "Escalation", role: "admin" }],
      baseURL ?? "",
    );
    expect(result.body).toContain('"code":"forbidden"');
    expect(await userEmails(admin)).not.toContain(email);
    await reviewer.dispose();
    await admin.dispose();
  });

  test("a disabled user's cookie is refused on the next request, in pages and actions", async ({
    baseURL,
  }) => {
    const origin = baseURL ?? "";
    const admin = await newSignedInContext(origin, DEMO.admin.email, DEMO.admin.password);
    const email = `soon-disabled-${Date.now()}@example.com`;
    const created = await callAction(
      admin,
      "/admin/users",
      "createUserAction",
      [{ email, name: "Soon Disabled", role: "editor" }],
      origin,
    );
    const password = /"oneTimePassword":"([^"]+)"/.exec(created.body)?.[1] ?? "";
    expect(password).not.toBe("");
    const user = await newSignedInContext(origin, email, password);
    expect((await user.get("/articles", { maxRedirects: 0 })).status()).toBe(200);

    const page = await admin.get("/admin/users");
    const html = await page.text();
    const row = new RegExp(`${email}[\\s\\S]*?role-([0-9a-f-]{36})`).exec(html);
    const userId = row?.[1] ?? "";
    expect(userId).not.toBe("");
    const disabled = await callAction(
      admin,
      "/admin/users",
      "disableUserAction",
      [{ userId, version: 1 }],
      origin,
    );
    expect(disabled.body).toContain('"ok":true');

    const afterPage = await user.get("/articles", { maxRedirects: 0 });
    expect(afterPage.status()).toBe(307);
    expect(afterPage.headers().location).toContain("/login");
    const afterAction = await callAction(user, "/account", "signOutEverywhereAction", [], origin);
    expect(refused(afterAction), afterAction.body).toBe(true);
    const afterAdminAction = await callAction(
      user,
      "/admin/users",
      "createUserAction",
      [{ email: `x-${Date.now()}@example.com`, name: "X", role: "admin" }],
      origin,
    );
    expect(afterAdminAction.body).toContain('"code":"unauthenticated"');
    await admin.dispose();
    await user.dispose();
  });

  test("x-middleware-subrequest gets no further than a request without it", async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const headers = {
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
    };
    const withHeader = await anonymous.get("/admin/users", { headers, maxRedirects: 0 });
    const without = await anonymous.get("/admin/users", { maxRedirects: 0 });
    expect(withHeader.status()).toBe(without.status());
    expect(withHeader.headers().location).toBe(without.headers().location);
    const action = await anonymous.post("/admin/users", {
      headers: { ...headers, "Next-Action": "x", "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(action.status()).not.toBe(200);
    await anonymous.dispose();
  });

  test("a cookie saved before sign-out-everywhere is refused after it", async ({ baseURL }) => {
    const origin = baseURL ?? "";
    const admin = await newSignedInContext(origin, DEMO.admin.email, DEMO.admin.password);
    const email = `replay-${Date.now()}@example.com`;
    const created = await callAction(
      admin,
      "/admin/users",
      "createUserAction",
      [{ email, name: "Replay", role: "reviewer" }],
      origin,
    );
    const password = /"oneTimePassword":"([^"]+)"/.exec(created.body)?.[1] ?? "";
    const first = await newSignedInContext(origin, email, password);
    const saved = await first.storageState();
    const second = await newSignedInContext(origin, email, password);
    const out = await callAction(second, "/account", "signOutEverywhereAction", [], origin);
    expect(out.status).toBeLessThan(500);
    const replay = await playwrightRequest.newContext({ baseURL: origin, storageState: saved });
    const response = await replay.get("/articles", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain("/login");
    await Promise.all([admin.dispose(), first.dispose(), second.dispose(), replay.dispose()]);
  });
});
