import { desc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { outboxMessages } from "~db/schema";

/** Messages sent to an address, newest first. */
export function mailsTo(to: string) {
  return db.select().from(outboxMessages).where(eq(outboxMessages.to, to)).orderBy(desc(outboxMessages.createdAt));
}

/** The first absolute URL in a message whose path starts with `pathPrefix`. */
export function linkIn(text: string, pathPrefix: string): URL {
  for (const match of text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return url;
  }
  throw new Error(`No link to ${pathPrefix} in:\n${text}`);
}

/** The newest message to an address; fails when there is none. */
export async function lastMailTo(to: string) {
  const [message] = await mailsTo(to);
  if (!message) throw new Error(`No mail to ${to} in the outbox`);
  return message;
}
