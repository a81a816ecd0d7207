import { relations, sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { claims } from "./claims";
import { looseRef, pickColumns, timestamps, uuidKey, versionColumn } from "./columns";
import { users } from "./users";

export const articles = pgTable(
  "articles",
  {
    id: uuidKey(),
    title: text("title").notNull(),
    outlet: text("outlet"),
    author: text("author"),
    url: text("url"),
    publishedOn: date("published_on"),
    publishedApproximate: boolean("published_approximate").notNull().default(false),
    /** The text every claim offset refers to (UTF-16 code units, LF line endings). */
    body: text("body").notNull(),
    /** sha-256 of body, hex: finds a second import of the same text. */
    bodyHash: text("body_hash").notNull(),
    createdBy: looseRef("created_by", () => users.id),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    uniqueIndex("articles_body_hash_key").on(t.bodyHash),
    index("articles_created_by_idx").on(t.createdBy),
    index("articles_created_at_id_idx").on(t.createdAt.desc(), t.id.desc()),
    index("articles_published_on_idx").on(t.publishedOn),
    index("articles_outlet_idx").on(t.outlet),
    index("articles_title_lower_idx").on(sql`lower(${t.title})`),
  ],
);

export const articlesRelations = relations(articles, ({ one, many }) => ({
  creator: one(users, { fields: [articles.createdBy], references: [users.id] }),
  claims: many(claims),
}));

export type Article = typeof articles.$inferSelect;

/**
 * An article's details without its text: what the import and edit forms set, the article page's
 * header shows and a report prints. Selected with these columns, so the shape is written once.
 */
export const articleMetaColumns = pickColumns(
  articles,
  "id",
  "title",
  "outlet",
  "author",
  "url",
  "publishedOn",
  "publishedApproximate",
);
export type ArticleMeta = Pick<Article, keyof typeof articleMetaColumns>;
