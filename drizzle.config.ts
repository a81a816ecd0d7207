import { defineConfig } from "drizzle-kit";

// Generation only reads the schema; `strict` makes drizzle-kit ask before anything destructive.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
  casing: "snake_case",
});
