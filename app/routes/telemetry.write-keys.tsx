import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { API_KEY_SCOPES, type ApiKeyScope } from "~/domain/telemetry/api-key-scopes";
import {
  createApiKey,
  findCurrentApiKey,
  revokeApiKey,
  rotateApiKey,
  listApiKeys,
} from "~/domain/telemetry/api-keys.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { idField, textField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { redirectRevealing, takeRevealed } from "~/lib/reveal-once.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { FormErrors, FormSelectField, FormTextField, formProps, useFormReply } from "~/ui/form";
import { Alert, Badge, Card, EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.writeKeys");

const PAGE = "/telemetry/write-keys";
const REVEAL = "api-key";

/** What the one-time reveal carries from the action to the next page load. */
const RevealedKey = z.object({ name: z.string(), scope: z.enum(API_KEY_SCOPES), key: z.string() });

function revealedKey(value: string | null): z.infer<typeof RevealedKey> | null {
  if (!value) return null;
  try {
    const parsed = RevealedKey.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "telemetry.manage");
  const { value, headers } = await takeRevealed(request, REVEAL);
  return data({ timeZone: actor.timeZone, keys: await listApiKeys(), newKey: revealedKey(value) }, { headers });
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: textField({
      max: 80,
      required: "telemetry:writeKeys.errors.nameRequired",
      tooLong: "telemetry:writeKeys.errors.nameTooLong",
    }),
    scope: z.enum(API_KEY_SCOPES, { errorMap: () => ({ message: "telemetry:writeKeys.errors.scope" }) }),
  }),
  z.object({ intent: z.literal("rotate"), keyId: idField("telemetry:writeKeys.errors.notFound") }),
  z.object({ intent: z.literal("revoke"), keyId: idField("telemetry:writeKeys.errors.notFound") }),
]);

/** The secret goes through a one-time cookie, so a refresh of the page neither repeats the post nor shows it again. */
const reveal = (key: { name: string; scope: ApiKeyScope; key: string }) =>
  redirectRevealing(PAGE, REVEAL, JSON.stringify(key));

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "telemetry.manage");
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  if (input.intent === "create") {
    const { key } = await createApiKey({ name: input.name, scope: input.scope, createdById: actor.id });
    return reveal({ name: input.name, scope: input.scope, key });
  }
  const target = await findCurrentApiKey(input.keyId);
  if (!target) return refuse(parsed.submission, "writeKey", "not_found");
  if (input.intent === "rotate") {
    const rotated = await rotateApiKey(target.id);
    if (!rotated) return refuse(parsed.submission, "writeKey", "not_found");
    return reveal({ name: target.name, scope: target.scope, key: rotated.key });
  }
  if (!(await revokeApiKey(target.id))) return refuse(parsed.submission, "writeKey", "not_found");
  return redirectWithNotice(PAGE, serverT(actor.locale)("telemetry:writeKeys.revokedNotice", { name: target.name }));
}

export default function WriteKeysPage() {
  const { t } = useTranslation(["telemetry", "common"]);
  const { keys, timeZone, newKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const locale = useRootData()?.locale ?? "en";
  const when = (value: Date | string) => formatDateTime(value, locale, timeZone);
  const reply = useFormReply(result?.form);
  const createReply = reply?.initialValue?.intent === "create" ? reply : undefined;
  const [createForm, fields] = useForm({ id: "create-key", lastResult: createReply });
  const [rowForm] = useForm({ id: "key-action", lastResult: createReply ? undefined : reply });

  return (
    <>
      <PageHeader
        title={t("writeKeys.title")}
        description={t("writeKeys.description")}
        actions={
          <ButtonLink to="/telemetry/key-features" variant="secondary">
            {t("writeKeys.keyFeaturesLink")}
          </ButtonLink>
        }
      />
      <div className="space-y-8">
        {newKey ? (
          <Alert tone="success">
            <p className="font-medium">{t("writeKeys.newKeyTitle", { name: newKey.name })}</p>
            <p className="mt-1">{t(`writeKeys.newKeyBody.${newKey.scope}`)}</p>
            <input
              aria-label={t(`writeKeys.newKeyLabel.${newKey.scope}`)}
              readOnly
              value={newKey.key}
              className="mt-2 w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900"
              onFocus={(event) => event.currentTarget.select()}
            />
          </Alert>
        ) : null}
        <FormErrors form={rowForm} />
        <div className="grid gap-8 lg:grid-cols-3">
          <section aria-labelledby="keys-heading" className="min-w-0 space-y-3 lg:col-span-2">
            <h2 id="keys-heading" className="text-base font-semibold text-slate-900">
              {t("writeKeys.heading")}
            </h2>
            {keys.length === 0 ? (
              <EmptyState title={t("writeKeys.emptyTitle")}>{t("writeKeys.emptyBody")}</EmptyState>
            ) : (
              <Table
                caption={t("writeKeys.caption")}
                head={[
                  t("writeKeys.name"),
                  t("writeKeys.keyAndScope"),
                  t("writeKeys.created"),
                  t("writeKeys.lastUsed"),
                  t("writeKeys.status"),
                  t("writeKeys.actions"),
                ]}
              >
                {keys.map((key) => (
                  <tr key={key.id} className="align-top">
                    <Cell className="min-w-32 whitespace-normal break-words font-medium text-slate-900">
                      {key.name}
                    </Cell>
                    <Cell className="whitespace-normal">
                      <div className="break-all font-mono">{key.keyPrefix}</div>
                      <div className="mt-1">
                        <Badge tone={key.scope === "read" ? "brand" : "neutral"}>
                          {t(`writeKeys.scopes.${key.scope}`)}
                        </Badge>
                      </div>
                    </Cell>
                    <Cell className="whitespace-normal">
                      {when(key.createdAt)}
                      {key.rotatedAt ? (
                        <div className="text-slate-500">{t("writeKeys.rotatedOn", { date: when(key.rotatedAt) })}</div>
                      ) : null}
                    </Cell>
                    <Cell className="whitespace-normal">
                      {key.lastUsedAt ? when(key.lastUsedAt) : t("writeKeys.never")}
                    </Cell>
                    <Cell>
                      {key.revokedAt ? (
                        <Badge tone="red">{t("writeKeys.revoked")}</Badge>
                      ) : (
                        <Badge tone="green">{t("writeKeys.active")}</Badge>
                      )}
                    </Cell>
                    <Cell className="min-w-56 whitespace-normal">
                      {key.revokedAt ? (
                        <span className="text-slate-500">{t("common:empty")}</span>
                      ) : (
                        <div className="flex flex-wrap gap-2">
                          <ConfirmAction
                            id={`rotate-${key.id}`}
                            Form={Form}
                            action={PAGE}
                            fields={{ intent: "rotate", keyId: key.id }}
                            label={t("writeKeys.rotate")}
                            accessibleLabel={t("writeKeys.rotateFor", { name: key.name })}
                            prompt={t("writeKeys.confirmRotate", { name: key.name })}
                            confirmLabel={t("writeKeys.confirmRotateYes")}
                            cancelLabel={t("common:actions.cancel")}
                            busy={busy}
                          />
                          <ConfirmAction
                            id={`revoke-${key.id}`}
                            Form={Form}
                            action={PAGE}
                            fields={{ intent: "revoke", keyId: key.id }}
                            label={t("writeKeys.revoke")}
                            accessibleLabel={t("writeKeys.revokeFor", { name: key.name })}
                            prompt={t("writeKeys.confirmRevoke", { name: key.name })}
                            confirmLabel={t("writeKeys.confirmRevokeYes")}
                            cancelLabel={t("common:actions.cancel")}
                            busy={busy}
                          />
                        </div>
                      )}
                    </Cell>
                  </tr>
                ))}
              </Table>
            )}
          </section>
          <div className="min-w-0">
            <Card title={t("writeKeys.createHeading")}>
              <Form method="post" className="space-y-4" {...formProps(createForm)}>
                <p className="text-sm text-slate-600">{t("writeKeys.createIntro")}</p>
                <input type="hidden" name="intent" value="create" />
                <FormTextField
                  meta={fields.name}
                  label={t("writeKeys.keyName")}
                  autoComplete="off"
                  required
                  maxLength={80}
                />
                <FormSelectField
                  meta={fields.scope}
                  label={t("writeKeys.scopeLabel")}
                  hint={t("writeKeys.scopeHint")}
                  defaultValue="ingest"
                  options={API_KEY_SCOPES.map((scope) => ({ value: scope, label: t(`writeKeys.scopes.${scope}`) }))}
                />
                <Button className="w-full" disabled={busy}>
                  {t("writeKeys.create")}
                </Button>
              </Form>
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}
