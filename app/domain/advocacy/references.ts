/** Reference calls: the fatigue limit and the directory's search, without a database. */

/** The first instant of the calendar quarter (UTC) that `at` falls in. */
export function quarterStart(at: Date): Date {
  const month = Math.floor(at.getUTCMonth() / 3) * 3;
  return new Date(Date.UTC(at.getUTCFullYear(), month, 1));
}

/**
 * Whether an advocate may be asked for another call: the calls asked of them this quarter
 * (accepted or still waiting; a declined request doesn't count) must be below the limit.
 */
export function fatigue(callsThisQuarter: number, limit: number): { fatigued: boolean; remaining: number } {
  const remaining = Math.max(0, limit - callsThisQuarter);
  return { fatigued: remaining === 0, remaining };
}

/** Whether a request made at `at` counts toward the quarter that contains `now`. */
export function countsThisQuarter(request: { createdAt: Date; status: string }, now: Date): boolean {
  return request.status !== "declined" && request.createdAt >= quarterStart(now) && request.createdAt <= now;
}

export interface DirectoryEntry {
  industry: string;
  segmentId: string;
  region: string;
  /** What the advocate's account achieved: milestones reached… */
  achievements: string[];
  /** …and the plan outcomes those milestones served. */
  outcomes: string[];
  /** What the advocate's account uses the product for. */
  useCases: string[];
}

export interface DirectoryFilters {
  industry?: string;
  segment?: string;
  region?: string;
  /** One use case the account must have (any capitalisation). */
  useCase?: string;
  /** Free text matched against achievements, outcomes and use cases, case-insensitively. */
  q?: string;
}

export function matchesDirectory(entry: DirectoryEntry, filters: DirectoryFilters): boolean {
  if (filters.industry && entry.industry !== filters.industry) return false;
  if (filters.segment && entry.segmentId !== filters.segment) return false;
  if (filters.region && entry.region !== filters.region) return false;
  const useCase = filters.useCase?.trim().toLowerCase();
  if (useCase && !entry.useCases.some((item) => item.toLowerCase() === useCase)) return false;
  const q = filters.q?.trim().toLowerCase();
  if (
    q &&
    ![...entry.achievements, ...entry.outcomes, ...entry.useCases].some((text) => text.toLowerCase().includes(q))
  )
    return false;
  return true;
}
