import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { db } from "~db/client.server";
import { type User, sessions, users } from "~db/schema";
import { secureCookies } from "~/lib/env.server";

const adapter = new DrizzlePostgreSQLAdapter(db, sessions, users);

export const lucia = new Lucia(adapter, {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: "tandem_session",
    // Lucia sets HttpOnly and Path=/ itself.
    attributes: { secure: secureCookies, sameSite: "lax" },
  },
  // The adapter hands over the whole drizzle row; pick what a request needs (never the password hash).
  getUserAttributes: (row) => ({
    email: row.email,
    name: row.name,
    staffRole: row.staffRole,
    accountId: row.accountId,
    accountRole: row.accountRole,
    locale: row.locale,
    timeZone: row.timeZone,
    deactivatedAt: row.deactivatedAt,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: Omit<User, "id">;
  }
}
