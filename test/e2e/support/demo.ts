/** Demo people from db/seed/demo.ts, for specs that sign in as a role. */
export const DEMO_PASSWORD = "lumen-demo-2026";

export const demo = {
  admin: { email: "priya@lumen-analytics.example", name: "Priya Raman" },
  csm: { email: "marcus@lumen-analytics.example", name: "Marcus Webb" },
  csmHelix: { email: "sofia@lumen-analytics.example", name: "Sofia Lindqvist" },
  marketing: { email: "jordan@lumen-analytics.example", name: "Jordan Blake" },
  northwindChampion: { email: "hannah@northwind.example", name: "Hannah Okafor" },
  northwindMember: { email: "tom@northwind.example", name: "Tom Reyes" },
  helixChampion: { email: "elena@helixhealth.example", name: "Elena Marsh" },
  orbitChampion: { email: "kenji@orbitretail.example", name: "Kenji Watanabe" },
} as const;

let counter = 0;
/** A unique address per test run, so specs running in parallel never collide. */
export function uniqueEmail(prefix: string, domain = "example.test") {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@${domain}`;
}
