import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { MeetingUrlSchema, TitleSchema } from "~/domain/people/profile-schemas";
import { getStaffMember, updateStaffContact, updateStaffMember } from "~/domain/people/staff.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";

const ChangeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("role"),
    role: z.enum(["admin", "csm", "marketing"], { errorMap: () => ({ message: "staff:errors.invalid_role" }) }),
  }),
  z.object({ intent: z.literal("contact"), title: TitleSchema, meetingUrl: MeetingUrlSchema }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
]);

/**
 * Action only: a row of /staff posts here (through a fetcher) to change a teammate's role or access,
 * or their title and meeting link (what their customers' "Your CSM" card shows).
 */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "staff.manage");
  const userId = params.userId;
  if (!isId(userId)) notFound();
  const parsed = await readSubmission(request, ChangeSchema);
  if (!parsed.ok) return parsed.answer;

  const input = parsed.data;
  if (input.intent === "contact") {
    const saved = await updateStaffContact(actor, userId, { title: input.title, meetingUrl: input.meetingUrl });
    if (!saved.ok) return refuse(parsed.submission, "staffMember", saved.error);
    const name = (await getStaffMember(userId))?.name ?? "";
    return redirectWithNotice("/staff", serverT(actor.locale)("staff:notices.contactSaved", { name }));
  }
  const change =
    input.intent === "role"
      ? { role: input.role }
      : input.intent === "deactivate"
        ? { deactivate: true as const }
        : { reactivate: true as const };
  const result = await updateStaffMember(actor, userId, change);
  if (!result.ok) return refuse(parsed.submission, "staffMember", result.error);

  const name = (await getStaffMember(userId))?.name ?? "";
  const t = serverT(actor.locale);
  const notice =
    input.intent === "role"
      ? t("staff:notices.roleChanged", { name, role: t(`common:roles.${input.role}`) })
      : input.intent === "deactivate"
        ? t("staff:notices.deactivated", { name })
        : t("staff:notices.reactivated", { name });
  return redirectWithNotice("/staff", notice);
}

export const action = resourceAction(act);
