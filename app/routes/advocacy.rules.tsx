import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ASK_SIGNALS, ASK_TYPES } from "~/domain/advocacy/ask-rules";
import {
  AskRuleSchema,
  GuardrailsSchema,
  createAskRule,
  getGuardrails,
  listAskRules,
  saveGuardrails,
  setAskRuleEnabled,
} from "~/domain/advocacy/settings.server";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { SelectField, TextField } from "~/ui/field";
import { Alert, Card } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";
import { useFieldError } from "~/ui/use-field-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.askRules");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  const [rules, guardrails] = await Promise.all([listAskRules(), getGuardrails()]);
  return { rules, guardrails, canManage: canInWorkspace(actor, "advocacy.manage") };
}

type Answer = { intent: string; fieldErrors: Record<string, string | undefined>; formError?: string };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const t = serverT(actor.locale);
  if (intent === "add") {
    const parsed = parseForm(AskRuleSchema, form);
    if (!parsed.ok) return data<Answer>({ intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
    const result = await createAskRule(actor, parsed.data);
    if (!result.ok) return data<Answer>({ intent, fieldErrors: {}, formError: "duplicate" }, { status: 409 });
    return redirectWithNotice("/advocacy/rules", t("advocacy:rules.added"));
  }
  if (intent === "toggle") {
    const id = form.get("ruleId");
    if (!isId(id)) notFound();
    if (!(await setAskRuleEnabled(actor, id, form.get("enabled") === "true"))) notFound();
    return data<Answer>({ intent, fieldErrors: {} });
  }
  if (intent === "guardrails") {
    const parsed = parseForm(GuardrailsSchema, form);
    if (!parsed.ok) return data<Answer>({ intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
    const result = await saveGuardrails(actor, parsed.data);
    if (!result.ok) return data<Answer>({ intent, fieldErrors: {}, formError: "stale" }, { status: 409 });
    return redirectWithNotice("/advocacy/rules", t("advocacy:rules.guardrailsSaved"));
  }
  return data<Answer>({ intent, fieldErrors: { intent: "field.required" } }, { status: 400 });
}

export default function RulesPage() {
  const { t } = useTranslation("advocacy");
  const fieldError = useFieldError();
  const { rules, guardrails, canManage } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const busy = useNavigation().state !== "idle";
  const errorsFor = (intent: string): Answer["fieldErrors"] => (answer?.intent === intent ? answer.fieldErrors : {});

  return (
    <div className="max-w-4xl space-y-6">
      {!canManage ? <Alert>{t("rules.readOnly")}</Alert> : null}
      <Card title={t("rules.rulesHeading")}>
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t("rules.rulesIntro")}</p>
          {rules.length === 0 ? (
            <p className="text-sm text-slate-600">{t("rules.empty")}</p>
          ) : (
            <Table
              caption={t("rules.caption")}
              head={[t("rules.signal"), t("rules.askType"), t("rules.reviewUrl"), t("rules.enabled")]}
            >
              {rules.map((rule) => {
                const names = { type: t(`askTypes.${rule.askType}`), signal: t(`signals.${rule.signal}`) };
                return (
                  <tr key={rule.id}>
                    <Cell>{names.signal}</Cell>
                    <Cell>{names.type}</Cell>
                    <Cell className="max-w-56 truncate">{rule.reviewUrl ?? ""}</Cell>
                    <Cell>
                      {canManage ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="toggle" />
                          <input type="hidden" name="ruleId" value={rule.id} />
                          <input type="hidden" name="enabled" value={rule.enabled ? "false" : "true"} />
                          <Button
                            variant="secondary"
                            className="py-1"
                            aria-label={t(rule.enabled ? "rules.disable" : "rules.enable", names)}
                            aria-pressed={rule.enabled}
                          >
                            {rule.enabled ? t("rules.on") : t("rules.off")}
                          </Button>
                        </Form>
                      ) : rule.enabled ? (
                        t("rules.on")
                      ) : (
                        t("rules.off")
                      )}
                    </Cell>
                  </tr>
                );
              })}
            </Table>
          )}
          {canManage ? (
            <Form method="post" className="grid grid-cols-1 items-start gap-3 sm:grid-cols-4" noValidate>
              <input type="hidden" name="intent" value="add" />
              <SelectField
                label={t("rules.signal")}
                name="signal"
                options={ASK_SIGNALS.map((signal) => ({ value: signal, label: t(`signals.${signal}`) }))}
                error={fieldError(errorsFor("add").signal)}
              />
              <SelectField
                label={t("rules.askType")}
                name="askType"
                options={ASK_TYPES.map((type) => ({ value: type, label: t(`askTypes.${type}`) }))}
                error={fieldError(errorsFor("add").askType)}
              />
              <TextField
                label={t("rules.reviewUrl")}
                name="reviewUrl"
                type="url"
                hint={t("rules.reviewUrlHint")}
                error={fieldError(errorsFor("add").reviewUrl)}
              />
              <div className="sm:pt-6">
                <Button disabled={busy}>{t("rules.add")}</Button>
              </div>
              {answer?.intent === "add" && answer.formError ? (
                <div className="sm:col-span-4">
                  <Alert tone="error">{t("rules.duplicate")}</Alert>
                </div>
              ) : null}
            </Form>
          ) : null}
        </div>
      </Card>
      <Card title={t("rules.guardrailsHeading")}>
        <Form method="post" className="space-y-4" noValidate>
          <p className="text-sm text-slate-600">{t("rules.guardrailsIntro")}</p>
          {answer?.intent === "guardrails" && answer.formError ? <Alert tone="error">{t("rules.stale")}</Alert> : null}
          <input type="hidden" name="intent" value="guardrails" />
          <input type="hidden" name="version" value={guardrails.version} />
          <fieldset disabled={!canManage} className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <TextField
              label={t("rules.cooldownDays")}
              name="cooldownDays"
              type="number"
              inputMode="numeric"
              min={0}
              max={365}
              defaultValue={guardrails.cooldownDays}
              error={fieldError(errorsFor("guardrails").cooldownDays)}
            />
            <TextField
              label={t("rules.declinedRepeatDays")}
              name="declinedRepeatDays"
              type="number"
              inputMode="numeric"
              min={0}
              max={730}
              defaultValue={guardrails.declinedRepeatDays}
              error={fieldError(errorsFor("guardrails").declinedRepeatDays)}
            />
            <TextField
              label={t("rules.referenceCallsPerQuarter")}
              name="referenceCallsPerQuarter"
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              defaultValue={guardrails.referenceCallsPerQuarter}
              error={fieldError(errorsFor("guardrails").referenceCallsPerQuarter)}
            />
          </fieldset>
          {canManage ? <Button disabled={busy}>{t("rules.saveGuardrails")}</Button> : null}
        </Form>
      </Card>
    </div>
  );
}
