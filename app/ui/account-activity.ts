import type { TFunction } from "i18next";
import { formatDate, formatList } from "~/lib/format";

type Details = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/**
 * The values an account activity sentence may name, read from the entry's details: who, which
 * email or title, the person acted on and their new role, the use cases set, and for advocacy the
 * ask type, the stage reached, the NPS score, the prospect and the case-study version. A sentence
 * uses the ones it needs. `context` picks the sentence that names what was acted on (`<key>_named`)
 * where the entry says it; entries recorded before they did keep the plain sentence.
 */
export function activityValues(
  entry: { actorName: string | null; details: unknown },
  t: TFunction<["people", "common", "advocacy", "health"]>,
  locale: string,
) {
  const details = (entry.details ?? {}) as Details;
  const day = typeof details.expiresOn === "string" ? details.expiresOn : null;
  const to = details.to;
  return {
    actor: entry.actorName ?? t("people:account.someone"),
    email: text(details.email),
    title: text(details.title),
    useCases:
      Array.isArray(to) && to.length > 0 ? formatList(to.map(String), locale, "plain") : t("people:account.noUseCases"),
    type: typeof details.askType === "string" ? t(`advocacy:askTypes.${details.askType as "quote"}`) : "",
    stage: typeof to === "string" ? t(`advocacy:stages.${to as "asked"}`, { defaultValue: to }) : "",
    score: text(details.score),
    prospect: text(details.prospectCompany),
    version: text(details.version),
    name: text(details.name),
    role: typeof to === "string" ? t(`common:roles.${to as "member"}`, { defaultValue: to }) : "",
    grade: typeof details.grade === "string" ? t(`health:grades.${details.grade as "green"}`) : "",
    until: day ? formatDate(day, locale) : "",
    touch: typeof details.kind === "string" ? t(`health:touches.kinds.${details.kind as "call"}`) : "",
    context: text(details.name) || text(details.title) ? "named" : undefined,
  };
}
