import fs from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { DEMO, type DemoRole, signIn, storageState } from "./helpers";

for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`${role} signs in through the login page`, async ({ page }) => {
    const login = DEMO[role];
    await signIn(page, login.email, login.password);
    await expect(page).toHaveURL(/\/articles$/);
    await expect(page.getByText(login.name)).toBeVisible();
    fs.mkdirSync(path.dirname(storageState(role)), { recursive: true });
    await page.context().storageState({ path: storageState(role) });
  });
}
