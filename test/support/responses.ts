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
