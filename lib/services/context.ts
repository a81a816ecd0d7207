import type { Db } from "@/db/client";
import type { UserRole } from "@/db/schema/constants";

/** The signed-in user as services see it: read from the database on every request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export interface Ctx {
  db: Db;
  user: SessionUser;
  /**
   * The data version (lib/services/data-version.ts) as read when this request began, before any
   * of its queries; set for pages, which only read. Absent, cached figures read it themselves.
   */
  dataVersion?: string;
}
