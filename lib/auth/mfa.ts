import "server-only";
import { createHash, randomInt } from "node:crypto";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { decryptField, encryptField } from "@/lib/crypto";
import { parseInput } from "@/lib/validation";
import { matchTotp, newTotpSecret, otpauthUrl } from "@/lib/auth/totp";

// The second factor: TOTP (RFC 6238) with ten one-time recovery codes. Enrolled means exactly
// Credential.totpEnrolledAt IS NOT NULL. A code is spent by a compare-and-set on the account's
// last accepted time step, so it signs in once across every instance, however the requests race.

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no I, L, O or U to misread. 12 characters = 60 random bits.
const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECOVERY_LENGTH = 12;
// A started enrolment that was never confirmed is offered again for this long.
const PENDING_REUSE_MS = 60 * 60_000;

function newRecoveryCode(): string {
  let s = "";
  for (let i = 0; i < RECOVERY_LENGTH; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** What the user typed, as stored: upper case, no separators, look-alikes folded (O→0, I/L→1). */
export function normaliseRecoveryCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return s.length === RECOVERY_LENGTH && [...s].every((c) => RECOVERY_ALPHABET.includes(c)) ? s : null;
}

const digest = (normalised: string) => createHash("sha256").update(`jingxin-recovery:${normalised}`).digest("hex");

export type SecondFactorClaim = { kind: "totp"; step: number } | { kind: "recovery"; codeHash: string };

/**
 * Checks a submitted code against the account's factor without spending it (no database write):
 * a 6-digit TOTP valid now (±1 step) and newer than the last accepted step, or something shaped
 * like a recovery code. Null when it cannot be either.
 */
export async function checkSecondFactor(
  cred: { totpSecretEnc: string | null; totpLastStep: number | null },
  code: string | null | undefined,
  at = Date.now(),
): Promise<SecondFactorClaim | null> {
  const input = (code ?? "").trim();
  if (!input || !cred.totpSecretEnc) return null;
  if (/^\d{6}$/.test(input)) {
    const step = await matchTotp(decryptField(cred.totpSecretEnc), input, cred.totpLastStep, at);
    return step === null ? null : { kind: "totp", step };
  }
  const normalised = normaliseRecoveryCode(input);
  return normalised ? { kind: "recovery", codeHash: digest(normalised) } : null;
}

/**
 * Spends a checked code, atomically: a TOTP step only if it is later than the last one accepted,
 * a recovery code only if unused. False when another request spent it first.
 */
export async function spendSecondFactor(userId: string, claim: SecondFactorClaim): Promise<boolean> {
  if (claim.kind === "totp") {
    const res = await db.credential.updateMany({
      where: { userId, totpEnrolledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: claim.step } }] },
      data: { totpLastStep: claim.step },
    });
    return res.count === 1;
  }
  const res = await db.mfaRecoveryCode.updateMany({
    where: { userId, codeHash: claim.codeHash, usedAt: null },
    data: { usedAt: new Date() },
  });
  return res.count === 1;
}

export type TotpEnrolment = { secret: string; otpauthUrl: string };

/** Starts (or restarts) enrolment: a new pending secret; the factor is on only once confirmed. */
export async function startTotpEnrolment(actor: Actor): Promise<TotpEnrolment> {
  const cred = await db.credential.findUnique({ where: { userId: actor.id }, select: { totpEnrolledAt: true } });
  if (!cred) throw notFound("账户");
  if (cred.totpEnrolledAt) throw alreadyEnrolled();
  const secret = newTotpSecret();
  await db.$transaction(async (tx) => {
    await tx.credential.update({ where: { userId: actor.id }, data: { totpPendingEnc: encryptField(secret), totpPendingAt: new Date() } });
    await writeAudit(tx, { actor, action: "auth.mfa.enrol_start", targetType: "User", targetId: actor.id, target: actor.badgeNo });
  });
  return { secret, otpauthUrl: otpauthUrl(secret, actor.badgeNo) };
}

/** For the enrolment page: the enrolment started within the hour, else a new one. */
export async function currentTotpEnrolment(actor: Actor): Promise<TotpEnrolment> {
  const cred = await db.credential.findUnique({
    where: { userId: actor.id },
    select: { totpEnrolledAt: true, totpPendingEnc: true, totpPendingAt: true },
  });
  if (!cred) throw notFound("账户");
  if (cred.totpEnrolledAt) throw alreadyEnrolled();
  if (cred.totpPendingEnc && cred.totpPendingAt && Date.now() - cred.totpPendingAt.getTime() < PENDING_REUSE_MS) {
    const secret = decryptField(cred.totpPendingEnc);
    return { secret, otpauthUrl: otpauthUrl(secret, actor.badgeNo) };
  }
  return startTotpEnrolment(actor);
}

const confirmSchema = z.object({
  code: z
    .string("请输入动态验证码")
    .trim()
    .regex(/^\d{6}$/, "请输入验证器显示的 6 位数字"),
});

/**
 * Confirms enrolment with a code from the new authenticator: the factor is on from now, the code
 * counts as used, and ten recovery codes are issued (shown once; only digests are kept).
 */
export async function confirmTotpEnrolment(actor: Actor, input: unknown): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(confirmSchema, input);
  const cred = await db.credential.findUnique({
    where: { userId: actor.id },
    select: { totpEnrolledAt: true, totpPendingEnc: true },
  });
  if (!cred) throw notFound("账户");
  if (cred.totpEnrolledAt) throw alreadyEnrolled();
  if (!cred.totpPendingEnc) throw validationFailed({ code: "请先开始设置双因素认证" });
  const step = await matchTotp(decryptField(cred.totpPendingEnc), code, null);
  if (step === null) {
    await writeAudit(db, {
      actor,
      action: "auth.mfa.enrol",
      outcome: "FAILURE",
      targetType: "User",
      targetId: actor.id,
      target: actor.badgeNo,
      details: { reason: "wrong_code" },
    });
    throw validationFailed({ code: "动态验证码不正确：请核对手机时间是否准确，并输入当前显示的 6 位数字" });
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.$transaction(async (tx) => {
    // Only the pending secret this code was checked against, and only once (a second confirm loses).
    const res = await tx.credential.updateMany({
      where: { userId: actor.id, totpEnrolledAt: null, totpPendingEnc: cred.totpPendingEnc },
      data: {
        totpSecretEnc: cred.totpPendingEnc,
        totpEnrolledAt: new Date(),
        totpLastStep: step,
        totpPendingEnc: null,
        totpPendingAt: null,
      },
    });
    if (res.count !== 1) throw alreadyEnrolled();
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.mfaRecoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId: actor.id, codeHash: digest(normaliseRecoveryCode(c)!) })),
    });
    await writeAudit(tx, { actor, action: "auth.mfa.enrol", targetType: "User", targetId: actor.id, target: actor.badgeNo });
  });
  return { recoveryCodes };
}

export type MfaStatus = { enrolled: boolean; enrolledAt: Date | null; recoveryCodesLeft: number };

export async function getOwnMfaStatus(actor: Actor): Promise<MfaStatus> {
  const [cred, left] = await Promise.all([
    db.credential.findUnique({ where: { userId: actor.id }, select: { totpEnrolledAt: true } }),
    db.mfaRecoveryCode.count({ where: { userId: actor.id, usedAt: null } }),
  ]);
  return { enrolled: !!cred?.totpEnrolledAt, enrolledAt: cred?.totpEnrolledAt ?? null, recoveryCodesLeft: left };
}

/**
 * The security administrator clears an account's second factor (lost phone): the user must
 * enrol again at the next sign-in, and their open sessions end. Never one's own factor.
 */
export async function clearMfa(actor: Actor, userId: string): Promise<void> {
  assertCan(actor, "security.manage");
  if (userId === actor.id) throw new AppError("SELF_CHANGE", "不能重置自己的双因素认证，请由另一位安全管理员办理");
  await db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({
      where: { id: userId },
      select: { badgeNo: true, credential: { select: { totpEnrolledAt: true } } },
    });
    if (!u?.credential) throw notFound("用户");
    await tx.credential.update({
      where: { userId },
      data: { totpSecretEnc: null, totpEnrolledAt: null, totpPendingEnc: null, totpPendingAt: null, totpLastStep: null },
    });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actor,
      action: "security.mfa.clear",
      targetType: "User",
      targetId: userId,
      target: u.badgeNo,
      details: { wasEnrolled: !!u.credential.totpEnrolledAt },
    });
  });
}

/** For the security administrator's page: an account's factor by badge number. */
export async function findMfaAccount(
  actor: Actor,
  badgeNo: string,
): Promise<{ id: string; badgeNo: string; name: string; unitName: string; enrolledAt: Date | null } | null> {
  assertCan(actor, "security.manage");
  const u = await db.user.findUnique({
    where: { badgeNo: badgeNo.trim().toUpperCase() },
    select: { id: true, badgeNo: true, name: true, unit: { select: { name: true } }, credential: { select: { totpEnrolledAt: true } } },
  });
  return u ? { id: u.id, badgeNo: u.badgeNo, name: u.name, unitName: u.unit.name, enrolledAt: u.credential?.totpEnrolledAt ?? null } : null;
}

function alreadyEnrolled() {
  return new AppError("MFA_ALREADY_ENROLLED", "已启用双因素认证；如需更换手机，请联系安全管理员重置后重新设置");
}
