import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates, users } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { asLocale, defaultLocale } from "~/i18n/locales";
import { isId } from "~/lib/ids";
import { findCourse, loadCatalog } from "./content.server";
import { certificateTitle } from "./localize";

/**
 * Certificates name the course in the holder's language (their saved locale), whoever looks: the
 * certificate is the holder's document, and a verifier comparing it with a printout should read
 * the same title. Without a translation it keeps the title it was issued with.
 */
function titleFor(certificate: {
  courseSlug: string;
  courseTitle: string;
  courseVersion: string;
  holderLocale: string;
}): string {
  const locale = asLocale(certificate.holderLocale) ?? defaultLocale;
  return certificateTitle(findCourse(loadCatalog(), certificate.courseSlug), certificate, locale);
}

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
      holderLocale: users.locale,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .where(and(eq(certificates.code, code), actor.kind === "customer" ? eq(certificates.userId, actor.id) : undefined));
  if (!certificate) return null;
  const { holderLocale, ...shown } = certificate;
  return { ...shown, courseTitle: titleFor({ ...shown, holderLocale }) };
}

/** The public verification: only the name, the course and the date — nothing about the account. */
export async function verifyCertificate(code: string | undefined) {
  if (!isId(code)) return null;
  const [certificate] = await db
    .select({
      personName: certificates.personName,
      courseTitle: certificates.courseTitle,
      courseSlug: certificates.courseSlug,
      courseVersion: certificates.courseVersion,
      issuedAt: certificates.issuedAt,
      holderLocale: users.locale,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .where(eq(certificates.code, code));
  if (!certificate) return null;
  return {
    personName: certificate.personName,
    courseTitle: titleFor(certificate),
    issuedAt: certificate.issuedAt,
  };
}
