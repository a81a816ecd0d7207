import { articles } from "@/db/schema";

/** An article's details as every view of it shows them (its text and versions aside). */
export const articleMetaColumns = {
  id: articles.id,
  title: articles.title,
  outlet: articles.outlet,
  author: articles.author,
  url: articles.url,
  publishedOn: articles.publishedOn,
  publishedApproximate: articles.publishedApproximate,
};
