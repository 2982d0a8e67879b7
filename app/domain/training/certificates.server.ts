import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { isId } from "~/lib/ids";

/** The printable certificate: its holder (or staff) only. Anyone else gets nothing, like an unknown code. */
export async function getCertificateForViewer(actor: Actor, code: string | undefined) {
  if (!isId(code)) return null;
  const [certificate] = await db
    .select({
      code: certificates.code,
      personName: certificates.personName,
      courseTitle: certificates.courseTitle,
      courseSlug: certificates.courseSlug,
      courseVersion: certificates.courseVersion,
      issuedAt: certificates.issuedAt,
    })
    .from(certificates)
    .where(and(eq(certificates.code, code), actor.kind === "customer" ? eq(certificates.userId, actor.id) : undefined));
  return certificate ?? null;
}

/** The public verification: only the name, the course and the date — nothing about the account. */
export async function verifyCertificate(code: string | undefined) {
  if (!isId(code)) return null;
  const [certificate] = await db
    .select({
      personName: certificates.personName,
      courseTitle: certificates.courseTitle,
      issuedAt: certificates.issuedAt,
    })
    .from(certificates)
    .where(eq(certificates.code, code));
  return certificate ?? null;
}
