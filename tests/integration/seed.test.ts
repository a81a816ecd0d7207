import { describe, expect, it } from "vitest";
import { articles, claims, users } from "@/db/schema";
import { seedDemo } from "@/lib/server/seed";
import { makeUser } from "../factories";
import { createTestDatabase } from "./test-db";

describe("demo seed", () => {
  it("fills an empty database with the three demo users and the demo article with its claims, once", async () => {
    const database = await createTestDatabase();
    try {
      expect(await seedDemo(database.db)).toEqual({ seeded: true });
      const seededUsers = await database.db
        .select({ role: users.role, email: users.email, hash: users.passwordHash })
        .from(users);
      expect(seededUsers.map((u) => u.role).sort()).toEqual(["admin", "editor", "reviewer"]);
      expect(seededUsers.every((u) => u.hash?.startsWith("$argon2id$"))).toBe(true);
      const [article] = await database.db.select().from(articles);
      expect(article).toMatchObject({
        title: "Kazakhstan: Return of Russia and the end of the Nazarbayev era",
        outlet: "India Narrative",
        author: "Aditi Bhaduri",
        publishedOn: "2022-01-15",
        publishedApproximate: true,
      });
      const stored = await database.db.select().from(claims);
      expect(stored.length).toBeGreaterThan(3);
      for (const claim of stored)
        expect(article?.body.slice(claim.start, claim.end)).toBe(claim.text);

      expect(await seedDemo(database.db)).toEqual({ seeded: false });
      expect(await database.db.select().from(articles)).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it("never touches a database that already has users", async () => {
    const database = await createTestDatabase();
    try {
      await makeUser(database.db, { role: "admin" });
      expect(await seedDemo(database.db)).toEqual({ seeded: false });
      expect(await database.db.select().from(users)).toHaveLength(1);
      expect(await database.db.select().from(articles)).toHaveLength(0);
    } finally {
      await database.close();
    }
  });
});
