// RFC 6238 TOTP through otplib: HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift
// either way. Pure (no database): lib/auth/mfa.ts decides which codes are still unspent.
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = "暖警心 JingXin";

/** A fresh 160-bit secret, base32 (what authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function otpauthUrl(secret: string, badgeNo: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: badgeNo, secret, algorithm: "sha1", digits: 6, period: TOTP_PERIOD_SECONDS });
}

/** The RFC 6238 time step of a moment. */
export const timeStepOf = (at = Date.now()) => Math.floor(at / 1000 / TOTP_PERIOD_SECONDS);

/** The code for a secret at a moment (tests, the demo helper). */
export function totpCode(secret: string, at = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at / 1000), period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: "sha1" });
}

/**
 * The time step a code belongs to, if it is valid now (±1 step) for the secret and later than
 * `afterStep`; otherwise null. Never throws on malformed input.
 */
export async function matchTotp(secret: string, code: string, afterStep: number | null, at = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const res = await verify({
      secret,
      token: code,
      epoch: Math.floor(at / 1000),
      period: TOTP_PERIOD_SECONDS,
      digits: 6,
      algorithm: "sha1",
      epochTolerance: TOTP_PERIOD_SECONDS,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    // the TOTP strategy's result carries the time step (the union type also covers HOTP)
    return res.valid && "timeStep" in res && typeof res.timeStep === "number" ? res.timeStep : null;
  } catch {
    return null;
  }
}
