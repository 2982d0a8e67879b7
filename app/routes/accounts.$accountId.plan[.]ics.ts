import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { buildIcs } from "~/domain/plans/ics";
import { getCurrentPlanView } from "~/domain/plans/plan-view.server";
import { serverT } from "~/i18n";
import { notFound } from "~/lib/http.server";

/** The current plan's milestones and task due dates as a calendar file (what the viewer may see, nothing more). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const view = await getCurrentPlanView(actor, account.id);
  if (!view) notFound();
  const t = serverT(actor.locale);
  const host = new URL(request.url).hostname;
  const entries = [
    ...view.milestones.map((milestone) => ({
      uid: `milestone-${milestone.id}@${host}`,
      date: milestone.targetDate,
      summary: t("plans:calendar.milestone", { title: milestone.title }),
      description: milestone.description,
    })),
    ...view.tasks
      .filter((task) => task.dueDate && task.status !== "done")
      .map((task) => ({
        uid: `task-${task.id}@${host}`,
        date: task.dueDate!,
        summary: t("plans:calendar.task", { title: task.title, side: t(`plans:side.${task.side}`) }),
        description: task.assigneeName ? t("plans:calendar.assignee", { name: task.assigneeName }) : undefined,
      })),
  ];
  const body = buildIcs(t("plans:calendar.name", { account: account.name, plan: view.plan.name }), entries);
  const filename = `${account.name} ${view.plan.name}`.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase();
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
