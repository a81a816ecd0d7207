import {
  type APIRequestContext,
  expect,
  request as playwrightRequest,
  test,
} from "@playwright/test";
import { callAction, DEMO, postCredentials } from "./helpers";

// A session cookie copied before "Sign out" (or kept by a disabled user, or by one whose role
// changed) is refused everywhere afterwards: pages, server actions and route handlers, and
// Auth.js's own /api/auth/session.

async function signedIn(origin: string, email: string, password: string) {
  const context = await playwrightRequest.newContext({ baseURL: origin });
  const response = await postCredentials(context, origin, email, password);
  expect(response.status()).toBe(302);
  expect(response.headers().location).not.toContain("error");
  return context;
}

/** A new user made by the admin, signed in; returns its context and id. */
async function newUser(admin: APIRequestContext, origin: string, role: "reviewer" | "editor") {
  const email = `session-${role}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const created = await callAction(
    admin,
    "/admin/users",
    "createUserAction",
    [{ email, name: `Session ${role}`, role }],
    origin,
  );
  const password = /"oneTimePassword":"([^"]+)"/.exec(created.body)?.[1] ?? "";
  expect(password).not.toBe("");
  const html = await (await admin.get("/admin/users")).text();
  const userId = new RegExp(`${email}[\\s\\S]*?role-([0-9a-f-]{36})`).exec(html)?.[1] ?? "";
  expect(userId).not.toBe("");
  return { context: await signedIn(origin, email, password), userId, email };
}

async function sessionOf(context: APIRequestContext): Promise<unknown> {
  const response = await context.get("/api/auth/session");
  expect(response.status()).toBe(200);
  return response.json();
}

test.describe("ending a session", () => {
  test("a cookie copied before sign-out is refused by a page, an action and route handlers", async ({
    baseURL,
  }) => {
    const origin = baseURL ?? "";
    const admin = await signedIn(origin, DEMO.admin.email, DEMO.admin.password);
    const { context: user, email } = await newUser(admin, origin, "editor");
    const copied = await user.storageState();

    // Before: the cookie works everywhere (an editor may not create users: forbidden, not
    // unauthenticated).
    expect((await user.get("/articles", { maxRedirects: 0 })).status()).toBe(200);
    expect((await user.get("/claims/export")).status()).toBe(200);
    expect(await sessionOf(user)).toMatchObject({ user: { email } });
    const probe = () => [
      { email: `never-${Date.now()}@example.com`, name: "Never", role: "admin" },
    ];
    const before = await callAction(user, "/admin/users", "createUserAction", probe(), origin);
    expect(before.body).toContain('"code":"forbidden"');

    const out = await callAction(user, "/account", "signOutAction", [], origin);
    expect(out.redirect ?? "").toContain("/login");

    const replay = await playwrightRequest.newContext({ baseURL: origin, storageState: copied });
    const page = await replay.get("/articles", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toContain("/login");
    const action = await callAction(replay, "/admin/users", "createUserAction", probe(), origin);
    expect(action.body).toContain('"code":"unauthenticated"');
    expect((await replay.get("/claims/export")).status()).toBe(401);
    expect(await sessionOf(replay)).toBeNull();
    await Promise.all([admin.dispose(), user.dispose(), replay.dispose()]);
  });

  test("another session of the same user goes on after one signs out", async ({ baseURL }) => {
    const origin = baseURL ?? "";
    const first = await signedIn(origin, DEMO.reviewer.email, DEMO.reviewer.password);
    const second = await signedIn(origin, DEMO.reviewer.email, DEMO.reviewer.password);
    const copied = await first.storageState();
    await callAction(first, "/account", "signOutAction", [], origin);
    expect((await second.get("/articles", { maxRedirects: 0 })).status()).toBe(200);
    expect(await sessionOf(second)).toMatchObject({ user: { email: DEMO.reviewer.email } });
    const replay = await playwrightRequest.newContext({ baseURL: origin, storageState: copied });
    expect((await replay.get("/articles", { maxRedirects: 0 })).status()).toBe(307);
    await Promise.all([first.dispose(), second.dispose(), replay.dispose()]);
  });

  test("/api/auth/session answers signed out for a disabled user and for a changed role", async ({
    baseURL,
  }) => {
    const origin = baseURL ?? "";
    const admin = await signedIn(origin, DEMO.admin.email, DEMO.admin.password);

    const promoted = await newUser(admin, origin, "reviewer");
    expect(await sessionOf(promoted.context)).toMatchObject({ user: { email: promoted.email } });
    const changed = await callAction(
      admin,
      "/admin/users",
      "changeRoleAction",
      [{ userId: promoted.userId, role: "editor", version: 1 }],
      origin,
    );
    expect(changed.body).toContain('"ok":true');
    expect(await sessionOf(promoted.context)).toBeNull();

    const disabled = await newUser(admin, origin, "editor");
    expect(await sessionOf(disabled.context)).toMatchObject({ user: { email: disabled.email } });
    const off = await callAction(
      admin,
      "/admin/users",
      "disableUserAction",
      [{ userId: disabled.userId, version: 1 }],
      origin,
    );
    expect(off.body).toContain('"ok":true');
    expect(await sessionOf(disabled.context)).toBeNull();

    await Promise.all([admin.dispose(), promoted.context.dispose(), disabled.context.dispose()]);
  });
});
