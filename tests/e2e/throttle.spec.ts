import { expect, request as playwrightRequest, test } from "@playwright/test";
import { callAction, DEMO, postCredentials } from "./helpers";

// With PostgreSQL the suite runs a second app instance on the next port (playwright.config.ts).
const twoInstances = Boolean(process.env.E2E_DATABASE_URL);

test("failed sign-ins are counted in the database, shared by two app instances, then answered with 429", async ({
  baseURL,
}) => {
  const first = baseURL ?? "";
  const url = new URL(first);
  url.port = String(Number(url.port) + (twoInstances ? 1 : 0));
  const second = url.origin;
  test.info().annotations.push({
    type: "instances",
    description: twoInstances ? `${first} and ${second}` : `${first} only (PGlite)`,
  });

  const admin = await playwrightRequest.newContext({ baseURL: first });
  expect(
    (await postCredentials(admin, first, DEMO.admin.email, DEMO.admin.password)).status(),
  ).toBe(302);
  const email = `throttled-${Date.now()}@example.com`;
  const created = await callAction(
    admin,
    "/admin/users",
    "createUserAction",
    [{ email, name: "Throttled", role: "reviewer" }],
    first,
  );
  const password = /"oneTimePassword":"([^"]+)"/.exec(created.body)?.[1] ?? "";
  expect(password).not.toBe("");

  const client = await playwrightRequest.newContext();
  for (let i = 0; i < 10; i++) {
    const origin = i % 2 === 0 ? first : second;
    const response = await postCredentials(client, origin, email, `wrong-password-${i}`);
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain("error=CredentialsSignin");
  }
  for (const origin of [second, first]) {
    const throttled = await postCredentials(client, origin, email, password);
    expect(throttled.status()).toBe(429);
    expect((await throttled.json()).error).toMatch(
      /^Too many attempts, try again in 1[45] minutes\.$/,
    );
  }
  await admin.dispose();
  await client.dispose();
});
