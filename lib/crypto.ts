import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// Field encryption for sensitive personal information (health notes, ID-card numbers):
// AES-256-GCM with a random 96-bit IV; stored as "v1:<iv>:<tag>:<ciphertext>" (base64url).
// The key comes from DATA_ENCRYPTION_KEY; a "v2" prefix leaves room for key rotation.
const KEY = Buffer.from(env.DATA_ENCRYPTION_KEY, "base64");

export function encryptField(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", KEY, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":");
}

export function decryptField(stored: string): string {
  const [version, iv, tag, ct] = stored.split(":");
  if (version !== "v1" || !iv || !tag || ct === undefined) throw new Error("unreadable encrypted field");
  const decipher = createDecipheriv("aes-256-gcm", KEY, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * A keyed digest for equality look-ups of an encrypted value (e.g. "is this ID number already
 * registered?") without decrypting every row. Purpose-separated so digests do not cross tables.
 */
export function blindIndex(purpose: string, value: string): string {
  return createHmac("sha256", subKey(`blind-index:${purpose}`))
    .update(value)
    .digest("base64url");
}

// Signing keys are derived from NEXTAUTH_SECRET per purpose (HKDF), so one leaked purpose key
// does not forge another's tokens.
function subKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", env.NEXTAUTH_SECRET, "jingxin", purpose, 32));
}

/** "<payload>.<mac>" where payload is base64url JSON; for QR attendance and certificate links. */
export function signToken(purpose: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const mac = createHmac("sha256", subKey(`token:${purpose}`))
    .update(body)
    .digest("base64url");
  return `${body}.${mac}`;
}

/** The payload if the token is genuine for `purpose`, else null. Expiry is the caller's check. */
export function verifyToken<T = Record<string, unknown>>(purpose: string, token: string): T | null {
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = createHmac("sha256", subKey(`token:${purpose}`))
    .update(body)
    .digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}
