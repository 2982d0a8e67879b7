import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** A random 80-bit id in lowercase base32 (16 characters): safe in URLs, hard to guess. */
export function newId(): string {
  let id = "";
  for (const byte of randomBytes(16)) id += ALPHABET[byte & 31];
  return id;
}
