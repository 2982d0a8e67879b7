import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { assignTask, updateTaskStatus } from "~/domain/plans/task-actions.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const STATUS = { not_found: 404, forbidden: 403, stale: 409, reason_required: 400, invalid_assignee: 400 } as const;

const ChangeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("status"),
    status: z.enum(["todo", "in_progress", "blocked", "done"]),
    blockedReason: z.string().max(500).optional(),
    version: z.coerce.number().int().min(1),
  }),
  z.object({
    intent: z.literal("assign"),
    assigneeId: z
      .string()
      .max(40)
      .transform((value) => (value === "" ? null : value)),
    version: z.coerce.number().int().min(1),
  }),
]);

/** Fetchers on the plan page and "My tasks" post here: a task's status or assignee. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.taskId)) notFound();
  const parsed = ChangeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "unknown_intent" as const }, { status: 400 });
  const input = parsed.data;
  const result =
    input.intent === "status"
      ? await updateTaskStatus(actor, account.id, params.taskId, {
          status: input.status,
          blockedReason: input.blockedReason ?? null,
          expectedVersion: input.version,
        })
      : await assignTask(actor, account.id, params.taskId, {
          assigneeId: input.assigneeId,
          expectedVersion: input.version,
        });
  if (!result.ok) return data({ error: result.error }, { status: STATUS[result.error] });
  return { error: null };
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/plan`);
}
