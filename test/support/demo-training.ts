import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { accounts, users } from "~db/schema";
import { toActor } from "~/domain/auth/actor";
import { getAccountAdoption } from "~/domain/training/adoption.server";
import type { CatalogCourse } from "~/domain/training/content-check";

/** Helpers for the tests of the seeded training story (real and fixture courses). */
export const actorFor = async (email: string) =>
  toActor((await db.select().from(users).where(eq(users.email, email)))[0]!);

const DEMO_ACCOUNTS = { orbit: "Orbit Retail", helix: "Helix Health", northwind: "Northwind Logistics" } as const;
type Adoption = Awaited<ReturnType<typeof getAccountAdoption>>;
export type DemoAdoption = Record<keyof typeof DEMO_ACCOUNTS, Adoption>;

/** Each demo account's team training, as its champion sees it. */
export async function demoAdoption(courses: CatalogCourse[]): Promise<DemoAdoption> {
  const rows = await db.select({ id: accounts.id, name: accounts.name }).from(accounts);
  const adoptionOf = (name: string) => getAccountAdoption(rows.find((row) => row.name === name)!.id, courses);
  const [orbit, helix, northwind] = await Promise.all([
    adoptionOf(DEMO_ACCOUNTS.orbit),
    adoptionOf(DEMO_ACCOUNTS.helix),
    adoptionOf(DEMO_ACCOUNTS.northwind),
  ]);
  return { orbit, helix, northwind };
}

/** One person's progress in one course of an account's adoption. */
export function personIn(adoption: Adoption, name: string, courseSlug: string) {
  return adoption.people
    .find((person) => person.name === name)!
    .courses.find((course) => course.courseSlug === courseSlug)!;
}
