import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { StaffActor } from "~/domain/auth/actor";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { CloseWorkItemSchema, NewWorkItemSchema, WORK_ITEM_PRIORITIES } from "~/domain/interventions/work-item-rules";
import {
  closeWorkItem,
  createWorkItem,
  listWorkItemAssignees,
  listWorkQueue,
} from "~/domain/interventions/work-items.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { notFound } from "~/lib/http.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { Button, ButtonLink } from "~/ui/button";
import { FormErrors, FormSelectField, FormTextField, formProps, useFormReply } from "~/ui/form";
import { WorkItemTable, keepRowsAfterRefusal } from "~/ui/interventions/work-item-table";
import { Card, EmptyState } from "~/ui/layout";
import { replyFor } from "~/lib/forms";

export const shouldRevalidate = keepRowsAfterRefusal;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.workQueue");

async function staffOnAccount(request: Request, accountId: string | undefined) {
  const { actor, account } = await requireAccountAccess(request, accountId, "account.edit");
  if (actor.kind !== "staff") notFound();
  return { actor: actor as StaffActor, account };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await staffOnAccount(request, params.accountId);
  const [list, assignees] = await Promise.all([
    listWorkQueue(actor, { scope: "team", status: "open", accountId: account.id }, null, { pageSize: 100 }),
    listWorkItemAssignees(),
  ]);
  return {
    accountId: account.id,
    items: list.items,
    total: list.page.total ?? list.items.length,
    assignees,
    defaultAssigneeId: account.csmId ?? actor.id,
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  NewWorkItemSchema.extend({ intent: z.literal("create") }),
  CloseWorkItemSchema.extend({ returnTo: z.string().optional() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await staffOnAccount(request, params.accountId);
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  const t = serverT(actor.locale);
  const input = parsed.data;
  if (input.intent === "create") {
    const result = await createWorkItem(actor, account.id, input);
    if (!result.ok) return refuse(parsed.submission, "workItem", result.error, "assigneeId");
    return redirectWithNotice(`/accounts/${account.id}/work-items`, t("interventions:workItems.created"));
  }
  const result = await closeWorkItem(actor, account.id, input);
  if (!result.ok) return refuse(parsed.submission, "workItem", result.error);
  return redirectWithNotice(
    safeRedirect(input.returnTo, `/accounts/${account.id}/work-items`),
    t("interventions:workItems.closed", { outcome: t(`interventions:workItems.outcomes.${input.outcome}`) }),
  );
}

export default function AccountWorkItems() {
  const { t } = useTranslation("interventions");
  const { accountId, items, total, assignees, defaultAssigneeId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({ lastResult: useFormReply(replyFor(answer, "create")) });
  return (
    <div className="space-y-6">
      <Card
        title={t("workItems.heading")}
        actions={
          <ButtonLink to={`/work-queue?scope=team&account=${accountId}`} variant="ghost">
            {t("workItems.openQueue")}
          </ButtonLink>
        }
      >
        <p className="mb-3 text-sm text-slate-600">{t("workItems.openCount", { count: total })}</p>
        {items.length === 0 ? (
          <EmptyState title={t("workItems.heading")}>{t("workItems.noneOpen")}</EmptyState>
        ) : (
          <WorkItemTable items={items} caption={t("workItems.heading")} showAccount={false} />
        )}
      </Card>
      <Card title={t("workItems.addTitle")}>
        <Form method="post" className="space-y-4" {...formProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <FormErrors form={form} />
          <FormTextField meta={fields.reason} label={t("workItems.reason")} required />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <FormSelectField
              meta={fields.priority}
              label={t("workItems.priorityLabel")}
              defaultValue="normal"
              options={WORK_ITEM_PRIORITIES.map((priority) => ({
                value: priority,
                label: t(`workItems.priorities.${priority}`),
              }))}
            />
            <FormTextField meta={fields.dueDate} label={t("workItems.dueDate")} type="date" />
            <FormSelectField
              meta={fields.assigneeId}
              label={t("workItems.assignee")}
              defaultValue={defaultAssigneeId}
              options={assignees.map((person) => ({ value: person.id, label: person.name }))}
            />
          </div>
          <div className="flex justify-end">
            <Button disabled={submitting}>{t("workItems.create")}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
