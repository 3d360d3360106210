import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Every key has its own documented secret (README "Configuration", docs/decisions/0012-data-keys.md):
//   DATA_ENCRYPTION_KEY (+ _PREVIOUS during a rotation)  field encryption, AES-256-GCM
//   BLIND_INDEX_KEY                                     equality look-ups of encrypted values
//   DATA_INTEGRITY_KEY                                  seals over pay lines and case amounts
//   NEXTAUTH_SECRET                                     sessions, QR and certificate tokens only
// The HMAC keys are split per purpose with HKDF, so one purpose's digest never answers another's.
//
// Stored form of an encrypted field (base64url parts):
//   v2:<keyId>:<iv>:<tag>:<ciphertext>   written today; keyId names the key, so a rotation knows
//                                        which rows still need re-encrypting
//   v1:<iv>:<tag>:<ciphertext>           the first format (no key id); still read, tried with
//                                        the current key, then the previous one

export type KeyRing = {
  current: { id: string; key: Buffer };
  previous: { id: string; key: Buffer } | null;
  blindIndex: Buffer;
  integrity: Buffer;
};

function keyId(key: Buffer): string {
  return createHmac("sha256", key).update("jingxin:key-id").digest().subarray(0, 6).toString("base64url");
}

function dataKey(b64: string) {
  const key = Buffer.from(b64, "base64");
  return { id: keyId(key), key };
}

/** A key ring from base64 secrets; the app's own is built from the environment. Tests build others. */
export function makeKeyRing(s: { dataKey: string; previousDataKey?: string | null; blindIndexKey: string; integrityKey: string }): KeyRing {
  return {
    current: dataKey(s.dataKey),
    previous: s.previousDataKey ? dataKey(s.previousDataKey) : null,
    blindIndex: Buffer.from(s.blindIndexKey, "base64"),
    integrity: Buffer.from(s.integrityKey, "base64"),
  };
}

export const appKeyRing: KeyRing = makeKeyRing({
  dataKey: env.DATA_ENCRYPTION_KEY,
  previousDataKey: env.DATA_ENCRYPTION_KEY_PREVIOUS,
  blindIndexKey: env.BLIND_INDEX_KEY,
  integrityKey: env.DATA_INTEGRITY_KEY,
});

/** What pages show in place of a field the configured keys cannot decrypt. */
export const UNDECRYPTABLE_TEXT = "无法解密";

/** A stored field the configured keys cannot read (wrong or missing key, damaged value). */
export class DecryptionError extends AppError {
  constructor() {
    // 500-class: the request was fine, the server's keys are not. The message names no key or value.
    super("DECRYPTION_FAILED", "加密数据无法解密：服务器数据密钥与数据不匹配，请联系系统管理员");
    this.name = "DecryptionError";
  }
}

export function encryptField(plain: string, ring: KeyRing = appKeyRing): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v2", ring.current.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":");
}

function open(key: Buffer, iv: string, tag: string, ct: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The plaintext, or throws DecryptionError (an AppError: the edges answer it, never a bare 500). */
export function decryptField(stored: string, ring: KeyRing = appKeyRing): string {
  const parts = stored.split(":");
  let plain: string | null = null;
  if (parts[0] === "v2" && parts.length === 5) {
    const [, id, iv, tag, ct] = parts as [string, string, string, string, string];
    const k = [ring.current, ring.previous].find((x) => x?.id === id);
    if (k) plain = open(k.key, iv, tag, ct);
  } else if (parts[0] === "v1" && parts.length === 4) {
    const [, iv, tag, ct] = parts as [string, string, string, string];
    for (const k of [ring.current, ring.previous]) if (k && plain === null) plain = open(k.key, iv, tag, ct);
  }
  if (plain === null) throw new DecryptionError();
  return plain;
}

/** For display: the plaintext, or UNDECRYPTABLE_TEXT when the keys cannot read it. */
export function decryptForDisplay(stored: string, ring: KeyRing = appKeyRing): string {
  try {
    return decryptField(stored, ring);
  } catch (e) {
    if (e instanceof DecryptionError) return UNDECRYPTABLE_TEXT;
    throw e;
  }
}

/** True when the value is written with the current key in the current format (nothing to re-encrypt). */
export function isCurrentCipher(stored: string, ring: KeyRing = appKeyRing): boolean {
  return stored.startsWith(`v2:${ring.current.id}:`);
}

function hkdf(root: Buffer | string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", root, "jingxin", purpose, 32));
}

/**
 * A keyed digest for equality look-ups of an encrypted value (e.g. "is this ID number already
 * registered?") without decrypting every row. Purpose-separated so digests do not cross tables.
 */
export function blindIndex(purpose: string, value: string, ring: KeyRing = appKeyRing): string {
  return createHmac("sha256", hkdf(ring.blindIndex, `blind-index:${purpose}`))
    .update(value)
    .digest("base64url");
}

/**
 * The integrity seal of a row's protected values (pay amounts, case amounts), written with the row
 * and checked on every read: a value changed behind the application no longer matches.
 * `values` are the canonical text of each protected column, in a fixed order per purpose.
 */
export function sealRow(purpose: string, values: (string | null)[], ring: KeyRing = appKeyRing): string {
  return createHmac("sha256", hkdf(ring.integrity, `integrity:${purpose}`))
    .update(JSON.stringify(values))
    .digest("base64url");
}

export type Integrity = "OK" | "TAMPERED";

export function checkSeal(purpose: string, values: (string | null)[], seal: string | null, ring: KeyRing = appKeyRing): Integrity {
  if (!seal) return "TAMPERED";
  const expected = Buffer.from(sealRow(purpose, values, ring), "base64url");
  const given = Buffer.from(seal, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? "OK" : "TAMPERED";
}

// Signing keys of tokens are derived from NEXTAUTH_SECRET per purpose (HKDF), so one leaked purpose
// key does not forge another's tokens. Printed certificates carry such tokens: NEXTAUTH_SECRET
// must be backed up with the data, or genuine certificates stop verifying after a restore.
function tokenKey(purpose: string): Buffer {
  return hkdf(env.NEXTAUTH_SECRET, `token:${purpose}`);
}

/** "<payload>.<mac>" where payload is base64url JSON; for QR attendance and certificate links. */
export function signToken(purpose: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const mac = createHmac("sha256", tokenKey(purpose)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The payload if the token is genuine for `purpose`, else null. Expiry is the caller's check. */
export function verifyToken<T = Record<string, unknown>>(purpose: string, token: string): T | null {
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = createHmac("sha256", tokenKey(purpose)).update(body).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}
