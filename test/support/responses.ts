/** The Response a guard threw (Remix's way to answer 302/403/404); fails when nothing was thrown. */
export async function thrownResponse(pending: Promise<unknown>): Promise<Response> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("Expected a thrown Response, but the call succeeded");
}

/**
 * What an action answered, whichever way it answered: a Response (resource routes, see
 * `resourceAction`), Remix's `data()` (pages' actions) or a plain object (200).
 */
export async function answerOf<Data = { form: { error?: Record<string, string[]> } }>(
  value: unknown,
): Promise<{ status: number; data: Data }> {
  if (value instanceof Response) return { status: value.status, data: (await value.json()) as Data };
  if (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit") {
    const answer = value as { data: Data; init: ResponseInit | null };
    return { status: answer.init?.status ?? 200, data: answer.data };
  }
  return { status: 200, data: value as Data };
}

/** An action whose answers come back through `answerOf`, for tests that read status and body. */
export function answering<Args>(action: (args: Args) => Promise<unknown>) {
  return async (args: Args) => answerOf(await action(args));
}

/** `answerOf` in the shape of Remix's `data()` (`data`, `init.status`), for older tests. */
export async function asDataAnswer(value: unknown): Promise<{ data: unknown; init: { status: number } }> {
  const { status, data } = await answerOf(value);
  return { data, init: { status } };
}
