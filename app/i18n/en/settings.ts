export default {
  page: {
    title: "Settings",
    description: "Your profile, your password and where you are signed in.",
  },
  profile: {
    heading: "Profile",
    email: "Email",
    role: "Role",
    account: "Account",
    vendorTeam: "Vendor team",
    name: "Name",
    title: "Job title (optional)",
    titleHint: "Shown next to your name, for example “Head of Operations”.",
    staffTitleHint:
      "Shown next to your name; your customers see it on their “Your CSM” card, for example “Customer Success Manager”.",
    meetingUrl: "Meeting link (optional)",
    meetingUrlHint:
      "Where your customers book a meeting with you, like https://cal.example.com/ana. Shown as “Book a meeting” on their home page.",
    submit: "Save profile",
    saved: "Profile saved.",
  },
  calendar: {
    heading: "Calendar",
    intro:
      "Subscribe to your plan milestones and your open tasks in Google Calendar, Outlook or Apple Calendar. The link works without signing in, so keep it to yourself.",
    url: "Calendar link",
    urlHint: "Shown only now. If you lose it, reset the link and subscribe again.",
    copy: "Copy link",
    copied: "Copied",
    activeUnused: "Your calendar link is on (made {{created}}), not used yet.",
    activeUsed: "Your calendar link is on (made {{created}}), last fetched {{used}}.",
    google: "Google Calendar: Other calendars → + → From URL, then paste the link.",
    outlook: "Outlook: Add calendar → Subscribe from web, then paste the link.",
    apple: "Apple Calendar: File → New Calendar Subscription, then paste the link.",
    create: "Create calendar link",
    reset: "Reset link",
    revoke: "Turn off link",
    revoked: "Calendar link turned off.",
  },
  language: {
    heading: "Language",
    intro: "The language of the portal and of the emails Tandem sends you.",
    label: "Language",
    submit: "Save language",
    saved: "Language saved.",
  },
  password: {
    heading: "Password",
    changeIntro: "Changing your password signs you out on your other devices.",
    setIntro: "You don't have a password yet: you sign in with emailed links. Set one to also sign in with a password.",
    current: "Current password",
    new: "New password",
    newHint: "At least 10 characters.",
    change: "Change password",
    set: "Set password",
    currentRequired: "Enter your current password.",
    wrongCurrent: "That isn't your current password.",
    changed: "Password changed. You're signed out on your other devices.",
    setDone: "Password set. You can now sign in with it.",
  },
  community: {
    heading: "Community",
    intro: "How you appear to people of other companies in the community, and which community emails you get.",
    link: "Edit your community profile",
  },
  notifications: {
    title: "Notifications",
    description: "Which emails Tandem sends you, and the hours it keeps quiet.",
    card: {
      heading: "Notifications",
      intro: "Choose which emails you get and set quiet hours.",
      link: "Notification settings",
    },
    kinds: {
      heading: "Emails",
      intro: "Send me emails about:",
      reminders: {
        label: "Reminders",
        hint: "Overdue or due tasks that are yours. You still see them under the bell.",
      },
      champion: {
        label: "Success plan updates",
        hint: "When your plan needs you as its champion.",
      },
      community: {
        label: "Community",
        hint: "Replies, mentions and accepted answers (fine-tune them in your community profile).",
      },
      digest: {
        label: "Weekly digest",
        hint: "One email a week, on the day and at the hour you choose below, with your tasks, the plan, training and asks; none when there's nothing to say.",
      },
      security: "Sign-in links, password resets and invitations are always sent.",
    },
    channels: {
      heading: "What you hear about, and where",
      intro:
        "For each kind of notification, choose where it reaches you: under the bell in the app, by email, both, only in your weekly digest, or not at all.",
      options: {
        app_email: "In the app and by email",
        app: "In the app",
        email: "By email only",
        digest: "Only in the weekly digest",
        off: "Off",
      },
      kinds: {
        task_assigned: { label: "A task is given to you", hint: "Someone assigns you a task of a success plan." },
        task_comment: { label: "Comments on your tasks", hint: "Someone comments on a task that is yours." },
        task_due: {
          label: "Due and overdue tasks",
          hint: "Reminders when a task of yours is due tomorrow or overdue.",
        },
        signoff_waiting: {
          label: "Milestones waiting for your sign-off",
          hint: "The other side signed a milestone off and it waits for yours.",
        },
        ask_waiting: { label: "Requests for you", hint: "A request waits for your answer (a reference, a review, …)." },
        case_study_review: {
          label: "Case studies to review",
          hint: "A case study about your team is ready for your review.",
        },
        community: { label: "Community", hint: "Replies, mentions and accepted answers." },
      },
    },
    quiet: {
      heading: "Quiet hours",
      intro:
        "Emails that would reach you in these hours wait until they end; nothing is lost. Off until you turn it on, so it follows your own time zone.",
      enabled: "Keep quiet hours",
      start: "From",
      end: "Until",
      timeZone: "Your time zone",
      timeZoneHint: "Quiet hours and your weekly digest follow it.",
    },
    digestTime: {
      heading: "Weekly digest",
      intro: "When your digest arrives, in your time zone.",
      day: "Day",
      hour: "Time",
    },
    submit: "Save notification settings",
    saved: "Notification settings saved.",
    errors: {
      time: "Enter a time of day, like 20:00.",
      sameTimes: "Quiet hours must end at a different time than they start.",
      timeZone: "Choose a time zone from the list.",
      digestDay: "Choose a day of the week.",
      channel: "Choose where this kind of notification reaches you.",
      digestHour: "Choose an hour from the list.",
    },
  },
  sessions: {
    heading: "Sign out everywhere",
    intro:
      "Lost a device or signed in on a shared computer? This signs you out on every browser and device, this one included.",
    submit: "Sign out everywhere",
    pending: "Signing out…",
  },
  unsubscribe: {
    title: "Unsubscribe",
    confirmTitle: "Stop {{kind}} emails?",
    confirmBody:
      "You will no longer get {{kind}} by email. Sign-in links, password resets and invitations still come. You can turn it back on under Settings → Notifications.",
    submit: "Unsubscribe",
    doneTitle: "You're unsubscribed",
    doneBody:
      "You won't get {{kind}} by email any more. To change your mind, turn it back on under Settings → Notifications.",
    settingsLink: "Notification settings",
    invalidTitle: "This unsubscribe link doesn't work",
    invalidBody:
      "The link is incomplete or was changed, so nothing was changed. Use the link in a recent email, or choose which emails you get under Settings → Notifications.",
    expiredTitle: "This unsubscribe link has expired",
    expiredBody:
      "Unsubscribe links work for {{days, number}} days, so nothing was changed. Use the link in a recent email, or choose which emails you get under Settings → Notifications.",
  },
} as const;
