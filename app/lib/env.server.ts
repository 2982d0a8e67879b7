export const isProduction = process.env.NODE_ENV === "production";

/** The server listens only on this machine (the default): the local demo over plain http. */
const loopbackOnly = ["127.0.0.1", "localhost", "::1"].includes(process.env.HOST ?? "127.0.0.1");

/**
 * Session cookies are Secure in production. The exception is a loopback-only server on plain http
 * (`npm start` on a laptop): Safari and Firefox drop Secure cookies there and sign-in would fail
 * silently. COOKIE_SECURE=true|false overrides both.
 */
export const secureCookies = process.env.COOKIE_SECURE
  ? process.env.COOKIE_SECURE !== "false"
  : isProduction && (!loopbackOnly || Boolean(process.env.APP_URL?.startsWith("https:")));

export const smtpUrl = process.env.SMTP_URL || undefined;
export const mailFrom = process.env.MAIL_FROM || "Tandem <no-reply@tandem.local>";
export const vendorName = process.env.VENDOR_NAME || "Lumen Analytics";

/** Hosts community posts may show images from, besides this site (COMMUNITY_IMAGE_HOSTS, comma-separated). */
export const communityImageHosts = (process.env.COMMUNITY_IMAGE_HOSTS ?? "")
  .split(",")
  .map((host) => host.trim().toLowerCase())
  .filter(Boolean);
