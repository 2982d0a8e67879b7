import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useForm } from "@conform-to/react";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
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
import { idField, replyFor } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { FormErrors, FormSelectField, FormTextField, formProps } from "~/ui/form";
import { Alert, Card } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.askRules");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  const [rules, guardrails] = await Promise.all([listAskRules(), getGuardrails()]);
  return { rules, guardrails, canManage: canInWorkspace(actor, "advocacy.manage") };
}

const RulesActionSchema = z.discriminatedUnion("intent", [
  AskRuleSchema.innerType().extend({ intent: z.literal("add") }),
  z.object({ intent: z.literal("toggle"), ruleId: idField(), enabled: z.enum(["true", "false"]) }),
  GuardrailsSchema.extend({ intent: z.literal("guardrails") }),
]);

/** A review ask needs a link to where the review is written (the domain schema's rule). */
const RulesSchema = RulesActionSchema.superRefine((input, ctx) => {
  if (input.intent !== "add") return;
  const rule = AskRuleSchema.safeParse(input);
  for (const issue of rule.success ? [] : rule.error.issues) ctx.addIssue(issue);
});

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  const parsed = await readSubmission(request, RulesSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const t = serverT(actor.locale);
  if (input.intent === "add") {
    const result = await createAskRule(actor, {
      signal: input.signal,
      askType: input.askType,
      reviewUrl: input.reviewUrl,
    });
    if (!result.ok) return refuse(parsed.submission, "advocacyRules", result.error);
    return redirectWithNotice("/advocacy/rules", t("advocacy:rules.added"));
  }
  if (input.intent === "toggle") {
    if (!(await setAskRuleEnabled(actor, input.ruleId, input.enabled === "true"))) notFound();
    return { form: undefined };
  }
  const { intent: _intent, ...guardrails } = input;
  const result = await saveGuardrails(actor, guardrails);
  if (!result.ok) return refuse(parsed.submission, "advocacyRules", result.error);
  return redirectWithNotice("/advocacy/rules", t("advocacy:rules.guardrailsSaved"));
}

export default function RulesPage() {
  const { t } = useTranslation("advocacy");
  const { rules, guardrails, canManage } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [addForm, addFields] = useForm({ id: "add", lastResult: replyFor(answer, "add") });
  const [guardrailsForm, guardrailsFields] = useForm({ id: "guardrails", lastResult: replyFor(answer, "guardrails") });

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
            <Form method="post" className="grid grid-cols-1 items-start gap-3 sm:grid-cols-4" {...formProps(addForm)}>
              <input type="hidden" name="intent" value="add" />
              <FormSelectField
                meta={addFields.signal}
                label={t("rules.signal")}
                options={ASK_SIGNALS.map((signal) => ({ value: signal, label: t(`signals.${signal}`) }))}
              />
              <FormSelectField
                meta={addFields.askType}
                label={t("rules.askType")}
                options={ASK_TYPES.map((type) => ({ value: type, label: t(`askTypes.${type}`) }))}
              />
              <FormTextField
                meta={addFields.reviewUrl}
                label={t("rules.reviewUrl")}
                type="url"
                hint={t("rules.reviewUrlHint")}
              />
              <div className="sm:pt-6">
                <Button disabled={busy}>{t("rules.add")}</Button>
              </div>
              <div className="sm:col-span-4">
                <FormErrors form={addForm} />
              </div>
            </Form>
          ) : null}
        </div>
      </Card>
      <Card title={t("rules.guardrailsHeading")}>
        <Form method="post" className="space-y-4" {...formProps(guardrailsForm)}>
          <p className="text-sm text-slate-600">{t("rules.guardrailsIntro")}</p>
          <FormErrors form={guardrailsForm} />
          <input type="hidden" name="intent" value="guardrails" />
          <input type="hidden" name="version" value={guardrails.version} />
          <fieldset disabled={!canManage} className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <FormTextField
              meta={guardrailsFields.cooldownDays}
              label={t("rules.cooldownDays")}
              type="number"
              inputMode="numeric"
              min={0}
              max={365}
              defaultValue={guardrails.cooldownDays}
            />
            <FormTextField
              meta={guardrailsFields.declinedRepeatDays}
              label={t("rules.declinedRepeatDays")}
              type="number"
              inputMode="numeric"
              min={0}
              max={730}
              defaultValue={guardrails.declinedRepeatDays}
            />
            <FormTextField
              meta={guardrailsFields.referenceCallsPerQuarter}
              label={t("rules.referenceCallsPerQuarter")}
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              defaultValue={guardrails.referenceCallsPerQuarter}
            />
          </fieldset>
          {canManage ? <Button disabled={busy}>{t("rules.saveGuardrails")}</Button> : null}
        </Form>
      </Card>
    </div>
  );
}
