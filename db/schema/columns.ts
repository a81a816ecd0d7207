import { getTableColumns, type Table } from "drizzle-orm";
import { type AnyPgColumn, integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** A point in time, with time zone, as every timestamp here is stored. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/** When a row was written, set by the database. */
export const createdAt = () => timestamptz("created_at").notNull().defaultNow();

/** created_at / updated_at for every table a person edits. */
export const timestamps = {
  createdAt: createdAt(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
};

/** Optimistic concurrency: an update names the version it read. */
export const versionColumn = {
  version: integer("version").notNull().default(1),
};

/** The key of a table whose rows are things: a random uuid. */
export const uuidKey = () => uuid("id").primaryKey().defaultRandom();

/** The row this one belongs to: required, and deleted with it. */
export const ownerRef = (name: string, owner: () => AnyPgColumn) =>
  uuid(name).notNull().references(owner, { onDelete: "cascade" });

/** A row this one mentions: it outlives it, left null (history, and who did what). */
export const looseRef = (name: string, target: () => AnyPgColumn) =>
  uuid(name).references(target, { onDelete: "set null" });

/** Some of a table's columns by name, to select them as one shape (`{ ...pickColumns(t, "id") }`). */
export function pickColumns<T extends Table, K extends keyof T["_"]["columns"] & string>(
  table: T,
  ...names: K[]
): Pick<T["_"]["columns"], K> {
  const all = getTableColumns(table);
  return Object.fromEntries(names.map((name) => [name, all[name]])) as Pick<T["_"]["columns"], K>;
}
