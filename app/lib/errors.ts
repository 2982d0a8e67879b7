/**
 * The refusals domain functions answer with (`{ ok: false, error: code }`), their HTTP status, and
 * where their message lives. Routes turn a code into a response through this one module (see
 * `refuse` in `~/lib/forms.server`), never through a status map of their own.
 */
const STATUS = {
  // 400: the request itself is wrong; the person can fix the form.
  invalid: 400,
  reason_required: 400,
  invalid_assignee: 400,
  invalid_rating: 400,
  empty: 400,
  too_long: 400,
  unknown_fact: 400,
  unknown_course: 400,
  invalid_trainee: 400,
  no_trainees: 400,
  invalid_role: 400,
  unknown_template: 400,
  unknown_segment: 400,
  invalid_start_date: 400,
  invalid_owner: 400,
  invalid_advocate: 400,
  unknown_account: 400,
  unknown_csm: 400,
  unknown_quiz: 400,
  no_answer: 400,
  unknown_answer: 400,
  one_answer_only: 400,
  unknown_item: 400,
  future_date: 400,
  too_old: 400,
  expiry_past: 400,
  expiry_too_far: 400,
  before_latest: 400,
  already_active: 400,
  contraction_too_large: 400,
  amount_required: 400,
  too_large: 400,
  nothing_to_churn: 400,
  not_detractor: 400,
  churned: 409,
  no_subscription: 409,
  has_subscription: 409,
  // 401: who you are wasn't proven.
  invalid_credentials: 401,
  // 403 and 404: not yours to do, or not there (for you).
  forbidden: 403,
  self: 403,
  not_found: 404,
  unknown_override: 404,
  // 409: it is there, but its state refuses this now.
  stale: 409,
  already_signed: 409,
  signed_in: 409,
  open_tasks: 409,
  has_tasks: 409,
  name_taken: 409,
  email_taken: 409,
  handle_taken: 409,
  slug_taken: 409,
  external_id_taken: 409,
  has_external_id: 409,
  locked: 409,
  last_admin: 409,
  last_champion: 409,
  seats_full: 409,
  duplicate: 409,
  wrong_stage: 409,
  no_draft: 409,
  same_stage: 409,
  not_allowed: 409,
  needs_consent: 409,
  needs_public_consent: 409,
  needs_approval: 409,
  needs_draft: 409,
  needs_advocate: 409,
  advocate_inactive: 409,
  overdue_milestones: 409,
  recent_detractor: 409,
  cooldown: 409,
  declined_recently: 409,
  fatigued: 409,
  invitation_gone: 404,
  already_answered: 409,
  already_reviewed: 409,
  closed: 409,
  not_due: 409,
  not_undoable: 409,
  // 410: a one-time link that is used up or expired.
  expired: 410,
  invalid_link: 410,
  // 429: too many attempts; try later.
  rate_limited: 429,
} as const satisfies Record<string, 400 | 401 | 403 | 404 | 409 | 410 | 429>;

export type ErrorCode = keyof typeof STATUS;
export type ErrorStatus = (typeof STATUS)[ErrorCode];

export function errorStatus(code: ErrorCode): ErrorStatus {
  return STATUS[code];
}

/**
 * Where each subject's refusal messages live in the translations (`<prefix>.<code>`), and the codes
 * its domain functions answer with. A message is worded for its subject ("This task no longer
 * exists") rather than one text per code; `test/unit/errors.test.ts` checks that each listed code
 * has its message.
 */
export const ERROR_MESSAGES = {
  signIn: { prefix: "auth:login.errors", codes: ["invalid_credentials", "rate_limited"] },
  invitation: { prefix: "auth:invitation.errors", codes: ["email_taken", "signed_in"] },
  task: {
    prefix: "plans:actions.errors",
    codes: ["not_found", "forbidden", "stale", "reason_required", "invalid_assignee", "not_undoable"],
  },
  milestone: {
    prefix: "plans:signOff.errors",
    codes: ["not_found", "forbidden", "already_signed", "invalid_rating", "open_tasks"],
  },
  comment: { prefix: "plans:comments.errors", codes: ["not_found", "forbidden", "empty", "too_long"] },
  planEdit: {
    prefix: "planEditing:errors",
    codes: ["invalid", "stale", "not_found", "forbidden", "has_tasks"],
  },
  staffMember: { prefix: "staff:errors", codes: ["last_admin", "self", "not_found", "invalid_role"] },
  staffInvitation: { prefix: "staff:errors", codes: ["invitation_gone"] },
  staffInvite: { prefix: "staff:invite.errors", codes: ["email_taken", "seats_full"] },
  accountMember: { prefix: "people:team.errors", codes: ["not_found", "last_champion", "self", "seats_full"] },
  accountInvite: { prefix: "people:team.errors", codes: ["email_taken", "seats_full"] },
  accountInvitation: { prefix: "people:team.errors", codes: ["invitation_gone"] },
  value: { prefix: "value:errors", codes: ["not_found", "forbidden", "stale"] },
  template: {
    prefix: "templates:errors",
    codes: ["stale", "not_found", "forbidden", "name_taken", "unknown_segment"],
  },
  account: {
    prefix: "people:accountForm.errors",
    codes: [
      "name_taken",
      "external_id_taken",
      "unknown_segment",
      "unknown_csm",
      "email_taken",
      "seats_full",
      "stale",
      "not_found",
    ],
  },
  planApply: {
    prefix: "plans:apply.errors",
    codes: ["unknown_template", "invalid_start_date", "unknown_account", "forbidden"],
  },
  workItem: { prefix: "interventions:workItems.errors", codes: ["not_found", "closed", "invalid_assignee"] },
  playbook: { prefix: "interventions:playbooks.errors", codes: ["not_found", "stale", "unknown_segment"] },
  advocacyNps: { prefix: "advocacy:nps.errors", codes: ["not_due"] },
  npsFollowUp: { prefix: "advocacy:npsReport.errors", codes: ["not_found", "not_detractor", "forbidden"] },
  advocacyAsk: { prefix: "advocacy:ask.errors", codes: ["already_answered"] },
  advocacyReview: { prefix: "advocacy:caseStudy.errors", codes: ["already_reviewed"] },
  advocacyComment: { prefix: "advocacy:caseStudy.comments.errors", codes: ["closed"] },
  advocacyCaseStudy: {
    prefix: "advocacy:caseStudy.errors",
    codes: ["wrong_stage", "no_draft", "unknown_fact", "needs_consent"],
  },
  advocacyRules: { prefix: "advocacy:rules.errors", codes: ["duplicate", "stale"] },
  advocacyOpportunity: {
    prefix: "advocacy:opportunity.errors",
    codes: [
      "not_found",
      "stale",
      "same_stage",
      "not_allowed",
      "needs_consent",
      "needs_public_consent",
      "needs_approval",
      "needs_draft",
      "needs_advocate",
      "advocate_inactive",
      "overdue_milestones",
      "recent_detractor",
      "cooldown",
      "declined_recently",
      "invalid_owner",
      "invalid_advocate",
    ],
  },
  advocacyNewOpportunity: {
    prefix: "advocacy:newOpportunity.errors",
    codes: ["unknown_account", "invalid_advocate", "invalid_owner"],
  },
  advocacyReference: { prefix: "advocacy:references.errors", codes: ["not_found", "fatigued"] },
  telemetryLink: {
    prefix: "telemetry:unmatched.errors",
    codes: ["not_found", "unknown_account", "external_id_taken", "has_external_id"],
  },
  job: { prefix: "staff:jobs.errors", codes: ["not_found"] },
  writeKey: { prefix: "telemetry:writeKeys.errors", codes: ["not_found"] },
  keyFeature: {
    prefix: "telemetry:keyFeatures.errors",
    codes: ["name_taken", "duplicate", "unknown_segment", "not_found", "not_allowed"],
  },
  trainingQuiz: {
    prefix: "training:quiz.errors",
    codes: ["unknown_quiz", "no_answer", "unknown_answer", "one_answer_only"],
  },
  trainingLesson: { prefix: "training:lesson.errors", codes: ["unknown_item"] },
  taskTraining: {
    prefix: "training:task.errors",
    codes: ["unknown_course", "invalid_trainee", "no_trainees", "stale", "not_found", "forbidden"],
  },
  health: {
    prefix: "health:errors",
    codes: ["unknown_account", "future_date", "too_old", "expiry_past", "expiry_too_far", "unknown_override"],
  },
  healthModel: { prefix: "health:models.errors", codes: ["unknown_segment", "stale"] },
  revenue: {
    prefix: "revenue:errors",
    codes: [
      "before_latest",
      "churned",
      "already_active",
      "contraction_too_large",
      "amount_required",
      "too_large",
      "nothing_to_churn",
      "no_subscription",
      "has_subscription",
      "stale",
    ],
  },
  community: {
    prefix: "community:errors",
    codes: ["not_found", "forbidden", "rate_limited", "locked", "stale", "handle_taken", "slug_taken"],
  },
} as const satisfies Record<string, { prefix: string; codes: readonly ErrorCode[] }>;

export type ErrorSubject = keyof typeof ERROR_MESSAGES;
export type SubjectError<Subject extends ErrorSubject> = (typeof ERROR_MESSAGES)[Subject]["codes"][number];

/** The message key of a subject's refusal, e.g. ("task", "stale") → "plans:actions.errors.stale". */
export function errorMessageKey<Subject extends ErrorSubject>(subject: Subject, code: SubjectError<Subject>): string {
  const { prefix } = ERROR_MESSAGES[subject];
  return prefix.endsWith(":") ? `${prefix}${code}` : `${prefix}.${code}`;
}
