import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { burnVerifyTime, verifyPassword } from "@/lib/auth/password";
import { getSecurityPolicy, mfaRequiredFor } from "@/lib/auth/policy";
import { checkSecondFactor, spendSecondFactor } from "@/lib/auth/mfa";
import { HOUR_MS } from "@/lib/time";

export type SignInResult =
  | {
      ok: true;
      userId: string;
      sessionId: string;
      mustChangePassword: boolean;
      /** The policy requires a second factor this account has not enrolled: a restricted session. */
      mfaEnrolmentRequired: boolean;
    }
  | { ok: false; reason: "INVALID" | "LOCKED" | "DISABLED" | "RATE_LIMITED" };

/**
 * Password spraying (one guess against many accounts) never trips a per-account lock-out, so
 * failures are also counted per client address, across all instances, from the audit log.
 */
export const IP_FAILURE_LIMIT = 30;
export const IP_WINDOW_MINUTES = 15;

type SignInInput = {
  badgeNo: string;
  password: string;
  otp?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
};

// Same statement, same plan, no row: an unknown badge number costs the database what a wrong
// password costs it (see the timing test in tests/integration/platform/sign-in-security.test.ts).
const NO_SUCH_USER = "-no-such-user-";

/**
 * Checks a badge number, password and — where the account has enrolled one — the second factor;
 * applies the lock-out policy and opens a server-side session. A missing, wrong or already-used
 * code fails exactly like a wrong password. Every outcome is audited; callers show one message
 * for every failure. Database errors propagate (the caller answers "unavailable").
 */
export async function signIn({
  badgeNo,
  password,
  otp = null,
  ip = null,
  userAgent = null,
  requestId = null,
}: SignInInput): Promise<SignInResult> {
  const policy = await getSecurityPolicy();
  const now = new Date();
  const user = await db.user.findUnique({
    where: { badgeNo },
    select: { id: true, badgeNo: true, name: true, active: true, roles: true, credential: true },
  });
  const actor = user ? { id: user.id, badgeNo: user.badgeNo, name: user.name, roles: user.roles, ip, requestId } : null;
  const fail = async (
    reason: "INVALID" | "LOCKED" | "DISABLED" | "RATE_LIMITED",
    outcome: "FAILURE" | "DENIED" = "FAILURE",
    extra = {},
  ) => {
    await writeAudit(db, {
      actor,
      ip,
      action: "auth.sign_in",
      outcome,
      targetType: "User",
      targetId: user?.id,
      target: badgeNo,
      details: { reason, ...extra },
    });
    return { ok: false as const, reason };
  };

  if (ip) {
    const recentFailures = await db.auditLog.count({
      where: { action: "auth.sign_in", outcome: "FAILURE", ip, at: { gt: new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000) } },
    });
    if (recentFailures >= IP_FAILURE_LIMIT) return fail("RATE_LIMITED", "DENIED");
  }

  const cred = user?.credential ?? null;
  if (!user || !cred) {
    await burnVerifyTime(password);
    await db.credential.updateMany({ where: { userId: NO_SUCH_USER }, data: { failedCount: { increment: 1 } } });
    return fail("INVALID");
  }
  if (!user.active) {
    await burnVerifyTime(password);
    return fail("DISABLED", "DENIED");
  }
  if (cred.lockedUntil && cred.lockedUntil > now) {
    await burnVerifyTime(password);
    return fail("LOCKED", "DENIED");
  }

  const enrolled = !!cred.totpEnrolledAt;
  // The code is checked (no write) whatever the password, so a right password behind a wrong
  // code takes the time a wrong password takes; it is spent only after the password matched.
  const [passwordOk, claim] = await Promise.all([
    verifyPassword(cred.passwordHash, password),
    enrolled ? checkSecondFactor(cred, otp, now.getTime()) : Promise.resolve(null),
  ]);
  const secondFactorOk = !enrolled || (passwordOk && !!claim && (await spendSecondFactor(user.id, claim)));

  if (!passwordOk || !secondFactorOk) {
    // Atomic increment: concurrent guesses cannot slip past the limit.
    const expiredLock = !!cred.lockedUntil && cred.lockedUntil <= now;
    const updated = await db.credential.update({
      where: { userId: user.id },
      data: { failedCount: expiredLock ? 1 : { increment: 1 }, ...(expiredLock ? { lockedUntil: null } : {}) },
      select: { failedCount: true },
    });
    if (updated.failedCount >= policy.maxFailedAttempts) {
      const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
      await db.credential.update({ where: { userId: user.id }, data: { lockedUntil, failedCount: 0 } });
      await writeAudit(db, {
        actor,
        ip,
        action: "auth.lockout",
        outcome: "SUCCESS",
        targetType: "User",
        targetId: user.id,
        target: badgeNo,
        details: { failedAttempts: updated.failedCount, lockedUntil: lockedUntil.toISOString() },
      });
    }
    // Only the audit log tells which factor failed; the caller gets the same INVALID either way.
    return fail("INVALID", "FAILURE", passwordOk ? { factor: otp ? "otp" : "otp_missing" } : {});
  }

  const mfaEnrolmentRequired = !enrolled && mfaRequiredFor(user.roles, policy);
  const sessionId = await db.$transaction(async (tx) => {
    await tx.credential.update({ where: { userId: user.id }, data: { failedCount: 0, lockedUntil: null } });
    const session = await tx.authSession.create({
      data: {
        userId: user.id,
        ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(now.getTime() + policy.absoluteTimeoutHours * HOUR_MS),
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: "auth.sign_in",
      targetType: "User",
      targetId: user.id,
      target: badgeNo,
      details: { secondFactor: claim?.kind ?? (mfaEnrolmentRequired ? "enrolment_required" : "none") },
    });
    return session.id;
  });
  return { ok: true, userId: user.id, sessionId, mustChangePassword: cred.mustChange, mfaEnrolmentRequired };
}
