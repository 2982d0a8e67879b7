export default {
  playbook: {
    reminder: {
      subject: "Reminder: {{reason}}",
      body: "Hello {{name}},\n\nA reminder about {{account}}: {{reason}}.\n\nOpen it here:\n{{link}}",
    },
    champion: {
      subject: "Your success plan with {{account}} needs you",
      body: "Hello {{name}},\n\nSomething in your success plan is waiting: {{reason}}.\n\nHave a look here:\n{{link}}",
    },
  },
  html: {
    footer: "This email was sent by {{vendor}} from its customer success portal.",
    unsubscribe: "Change which emails you get",
    unsubscribeOneClick: "Unsubscribe from emails like this one",
  },
  unsubscribe: {
    textLine: "Don't want {{kind}} by email? Unsubscribe in one click:\n{{link}}",
    kinds: {
      reminders: "reminders",
      champion: "success plan updates",
      community: "community notifications",
      digest: "the weekly digest",
      task_assigned: "tasks given to you",
      task_comment: "comments on your tasks",
      signoff_waiting: "milestones waiting for your sign-off",
      ask_waiting: "requests for you",
      case_study_review: "case studies to review",
    },
  },
  inbox: {
    body: "Hello {{name}},\n\n{{text}}\n\nOpen it: {{link}}",
  },
  digest: {
    subject: "Your week with {{account}}",
    greeting: "Hello {{name}},\n\nHere is your week in {{account}}'s success plan.",
    due: "due {{date}}",
    tasks: {
      heading_one: "You have {{count, number}} open task.",
      heading_other: "You have {{count, number}} open tasks.",
      overdue: "Overdue:",
      week: "Due in the next 7 days:",
      nothingDue: "Nothing of yours is due in the next 7 days.",
    },
    plan: {
      progress: "The plan “{{plan}}” is {{percent}} done.",
      next: "Next milestone: “{{title}}”, by {{date}}.",
      allAchieved: "Every milestone is achieved.",
    },
    training: { heading: "Training assigned to you:" },
    asks: {
      heading_one: "{{count, number}} ask is waiting for your answer:",
      heading_other: "{{count, number}} asks are waiting for your answer:",
    },
    lines: { heading: "Also for you this week:" },
  },
  magicLink: {
    subject: "Your sign-in link for Tandem",
    body: "Hello,\n\nUse this link to sign in to Tandem. It works once and expires in {{minutes, number}} minutes:\n\n{{link}}\n\nIf you didn't ask for it, you can ignore this email.",
  },
  passwordReset: {
    subject: "Reset your Tandem password",
    body: "Hello,\n\nUse this link to choose a new password. It works once and expires in {{minutes, number}} minutes:\n\n{{link}}\n\nIf you didn't ask for it, you can ignore this email; your password stays as it is.",
  },
  invitation: {
    vendorTeam: "the vendor team",
    subject: "You're invited to join {{where}} on Tandem",
    body: "Hello,\n\n{{inviter}} invited you to join {{where}} on Tandem, our customer success portal.\n\nSet your name and password here (the link expires in {{days, number}} days):\n\n{{link}}\n",
  },
  community: {
    reply: {
      subject: "New reply to “{{title}}”",
      body: "Hello,\n\n{{who}} replied to “{{title}}”, a topic you follow in the community:\n\n{{link}}\n\nYou can change which emails you get in your community profile.",
    },
    accepted: {
      subject: "Your answer was accepted: “{{title}}”",
      body: "Hello,\n\n{{who}} accepted your answer to “{{title}}”. Thank you for helping!\n\n{{link}}\n\nYou can change which emails you get in your community profile.",
    },
    mention: {
      subject: "{{who}} mentioned you in “{{title}}”",
      body: "Hello,\n\n{{who}} mentioned you in “{{title}}”:\n\n{{link}}\n\nYou can change which emails you get in your community profile.",
    },
  },
  caseStudyComment: {
    subject: "New comment on the case study “{{title}}”",
    body: "Hello,\n\n{{who}} commented on version {{version, number}} of the case study “{{title}}”:\n\n{{excerpt}}\n\nRead and answer it here:\n\n{{link}}\n",
  },
} as const;
