import { expect, request as playwrightRequest, test } from "@playwright/test";
import { actionId, DEMO, postCredentials } from "./helpers";

// The e2e server runs without TRUST_PROXY: X-Forwarded-Host and X-Forwarded-Proto sent by a client
// must not make a foreign Origin look like the app's own.
const FOREIGN = "http://evil.example";

test.describe("forwarded headers without TRUST_PROXY", () => {
  test("a cross-origin server action is refused whatever X-Forwarded-Host says", async ({
    baseURL,
  }) => {
    const origin = baseURL ?? "";
    const admin = await playwrightRequest.newContext({ baseURL: origin });
    expect(
      (await postCredentials(admin, origin, DEMO.admin.email, DEMO.admin.password)).status(),
    ).toBe(302);
    const createUser = (email: string, headers: Record<string, string>) =>
      admin.post("/admin/users", {
        headers: {
          "Next-Action": actionId("createUserAction"),
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          ...headers,
        },
        data: JSON.stringify([{ email, name: "Forwarded", role: "admin" }]),
        maxRedirects: 0,
      });
    const forgedEmail = `forwarded-${Date.now()}@example.com`;
    const forged = await createUser(forgedEmail, {
      Origin: FOREIGN,
      "X-Forwarded-Host": "evil.example",
      "X-Forwarded-Proto": "http",
    });
    expect(await forged.text()).not.toContain('"ok":true');
    // The app's own origin still works, whatever forwarded headers come with it.
    const ownEmail = `own-origin-${Date.now()}@example.com`;
    const own = await createUser(ownEmail, {
      Origin: origin,
      "X-Forwarded-Host": "evil.example",
      "X-Forwarded-Proto": "https",
    });
    expect(await own.text()).toContain('"ok":true');
    const users = await (await admin.get("/admin/users")).text();
    expect(users).toContain(ownEmail);
    expect(users).not.toContain(forgedEmail);
    await admin.dispose();
  });

  test("a cross-origin import is refused whatever X-Forwarded-Host says", async ({ baseURL }) => {
    const origin = baseURL ?? "";
    const admin = await playwrightRequest.newContext({ baseURL: origin });
    await postCredentials(admin, origin, DEMO.admin.email, DEMO.admin.password);
    const title = `Forwarded import ${Date.now()}`;
    const response = await admin.post("/api/articles/import", {
      headers: { Origin: FOREIGN, "X-Forwarded-Host": "evil.example" },
      multipart: { title, text: "The ministry said 2,500 troops arrived on 6 January 2022." },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, code: "forbidden" });
    expect(await (await admin.get("/articles")).text()).not.toContain(title);
    await admin.dispose();
  });
});
