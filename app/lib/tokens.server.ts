import { createHash, randomBytes } from "node:crypto";

/** A 256-bit secret for an emailed link. Only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
