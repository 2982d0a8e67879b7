export const isProduction = process.env.NODE_ENV === "production";

/** Session cookies are Secure in production unless COOKIE_SECURE=false (plain-http intranet installs). */
export const secureCookies = process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE !== "false" : isProduction;

export const smtpUrl = process.env.SMTP_URL || undefined;
export const mailFrom = process.env.MAIL_FROM || "Tandem <no-reply@tandem.local>";
export const vendorName = process.env.VENDOR_NAME || "Lumen Analytics";
