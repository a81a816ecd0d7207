import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, PASSWORD_PARAMS, verifyPassword } from "@/lib/auth/password";

describe("passwords", () => {
  it("hashes with argon2id at no less than m=19456, t=2, p=1", async () => {
    const hashed = await hashPassword("correct horse battery");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hashed)).toBe(false);
  });

  it("verifies unicode passwords of up to 256 characters without truncation", async () => {
    const long = `${"пароль-🔐-".repeat(25)}ключ-7`;
    expect(long).toHaveLength(256);
    const hashed = await hashPassword(long);
    expect(await verifyPassword(hashed, long)).toBe(true);
    expect(await verifyPassword(hashed, long.slice(0, 255))).toBe(false);
  });

  it("flags weaker hashes for an upgrade", async () => {
    const weak = await hash("password1", { ...PASSWORD_PARAMS, memoryCost: 4096, timeCost: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuv")).toBe(true);
  });

  it("answers false, not an error, for a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });
});
