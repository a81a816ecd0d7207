import { integer, timestamp } from "drizzle-orm/pg-core";

/** created_at / updated_at for every table a person edits. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Optimistic concurrency: an update names the version it read. */
export const versionColumn = {
  version: integer("version").notNull().default(1),
};
