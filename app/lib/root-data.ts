import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

/** The root loader's data (locale, vendor name, the signed-in person) for any route or component. */
export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>("root");
}
