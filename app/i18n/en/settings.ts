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
    submit: "Save profile",
    saved: "Profile saved.",
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
  sessions: {
    heading: "Sign out everywhere",
    intro:
      "Lost a device or signed in on a shared computer? This signs you out on every browser and device, this one included.",
    submit: "Sign out everywhere",
  },
} as const;
