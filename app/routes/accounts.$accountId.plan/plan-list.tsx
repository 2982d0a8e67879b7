import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { Button } from "~/ui/button";
import { TextField } from "~/ui/field";
import { Alert, Badge, Card } from "~/ui/layout";
import { Disclosure, FormError, useDisclosure, useEditFetcher } from "~/ui/plans/edit-kit";
import { Cell, Table } from "~/ui/table";

export interface PlanListItem {
  id: string;
  name: string;
  startDate: string;
  isCurrent: boolean;
  templateName: string | null;
}

function MakeCurrent({ accountId, plan }: { accountId: string; plan: PlanListItem }) {
  const { t } = useTranslation("planEditing");
  const { fetcher, busy, formError } = useEditFetcher();
  return (
    <fetcher.Form method="post" action={`/accounts/${accountId}/plans/${plan.id}`}>
      <input type="hidden" name="intent" value="make_current" />
      <Button
        variant="secondary"
        className="py-1.5"
        disabled={busy}
        aria-label={t("plan.makeCurrentFor", { name: plan.name })}
      >
        {t("plan.makeCurrent")}
      </Button>
      {formError ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** Staff see every plan of the account: open an older one, or make another one current (one current per account). */
export function PlanList({
  accountId,
  plans,
  viewingId,
  canEdit,
  locale,
}: {
  accountId: string;
  plans: PlanListItem[];
  viewingId: string;
  canEdit: boolean;
  locale: string;
}) {
  const { t } = useTranslation("planEditing");
  if (plans.length < 2) return null;
  return (
    <Card title={t("plan.listTitle")}>
      <p className="mb-3 text-sm text-slate-600">{t("plan.listBody")}</p>
      <Table
        caption={t("plan.listTitle")}
        head={[t("plan.columns.name"), t("plan.columns.started"), t("plan.columns.template"), t("plan.columns.state")]}
      >
        {plans.map((plan) => (
          <tr key={plan.id} aria-current={plan.id === viewingId ? "page" : undefined}>
            <Cell className="whitespace-normal font-medium text-slate-900">
              {plan.id === viewingId ? (
                plan.name
              ) : (
                <Link
                  to={plan.isCurrent ? `/accounts/${accountId}/plan` : `/accounts/${accountId}/plan?plan=${plan.id}`}
                  className="text-brand-700 hover:underline"
                  aria-label={t("plan.openFor", { name: plan.name })}
                >
                  {plan.name}
                </Link>
              )}
            </Cell>
            <Cell>{formatDate(plan.startDate, locale)}</Cell>
            <Cell>{plan.templateName ?? "—"}</Cell>
            <Cell>
              <div className="flex flex-wrap items-center gap-2">
                {plan.isCurrent ? (
                  <Badge tone="green">{t("plan.current")}</Badge>
                ) : canEdit ? (
                  <MakeCurrent accountId={accountId} plan={plan} />
                ) : null}
                {plan.id === viewingId ? <Badge>{t("plan.viewing")}</Badge> : null}
              </div>
            </Cell>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** Shown above an older plan, so no one mistakes it for the one customers see. */
export function OlderPlanNotice({
  accountId,
  plan,
  canEdit,
}: {
  accountId: string;
  plan: PlanListItem;
  canEdit: boolean;
}) {
  const { t } = useTranslation("planEditing");
  return (
    <Alert tone="info">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <span>{t("plan.viewingOlder", { name: plan.name })}</span>
        <div className="flex flex-wrap gap-2">
          {canEdit ? <MakeCurrent accountId={accountId} plan={plan} /> : null}
          <Link to={`/accounts/${accountId}/plan`} className="self-center font-medium text-brand-700 hover:underline">
            {t("plan.backToCurrent")}
          </Link>
        </div>
      </div>
    </Alert>
  );
}

export function RenamePlan({
  accountId,
  plan,
}: {
  accountId: string;
  plan: { id: string; name: string; version: number };
}) {
  const { t } = useTranslation("planEditing");
  const disclosure = useDisclosure();
  const { fetcher, busy, fieldError, formError } = useEditFetcher(disclosure.close);
  return (
    <Disclosure summary={t("plan.rename")} disclosure={disclosure}>
      <fetcher.Form
        key={plan.version}
        method="post"
        action={`/accounts/${accountId}/plans/${plan.id}`}
        noValidate
        className="space-y-3"
      >
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="version" value={plan.version} />
        <FormError message={formError} />
        <TextField
          label={t("plan.name")}
          name="name"
          defaultValue={plan.name}
          maxLength={120}
          required
          error={fieldError("name")}
        />
        <Button disabled={busy}>{busy ? t("saving") : t("save")}</Button>
      </fetcher.Form>
    </Disclosure>
  );
}
