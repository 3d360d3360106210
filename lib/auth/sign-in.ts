import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { burnVerifyTime, verifyPassword } from "@/lib/auth/password";
import { getSecurityPolicy } from "@/lib/auth/policy";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; mustChangePassword: boolean }
  | { ok: false; reason: "INVALID" | "LOCKED" | "DISABLED" | "RATE_LIMITED" };

/**
 * Password spraying (one guess against many accounts) never trips a per-account lock-out, so
 * failures are also counted per client address, across all instances, from the audit log.
 */
export const IP_FAILURE_LIMIT = 30;
export const IP_WINDOW_MINUTES = 15;

type SignInInput = { badgeNo: string; password: string; ip?: string | null; userAgent?: string | null };

/**
 * Checks a badge number and password, applies the lock-out policy and opens a server-side
 * session. Every outcome is audited. Callers show one generic message for every failure.
 */
export async function signIn({ badgeNo, password, ip = null, userAgent = null }: SignInInput): Promise<SignInResult> {
  const policy = await getSecurityPolicy();
  const now = new Date();
  const user = await db.user.findUnique({
    where: { badgeNo },
    select: { id: true, badgeNo: true, name: true, active: true, credential: true },
  });
  const actor = user ? { id: user.id, badgeNo: user.badgeNo, name: user.name, ip } : null;
  const fail = async (reason: "INVALID" | "LOCKED" | "DISABLED" | "RATE_LIMITED", outcome: "FAILURE" | "DENIED" = "FAILURE") => {
    await writeAudit(db, {
      actor,
      ip,
      action: "auth.sign_in",
      outcome,
      targetType: "User",
      targetId: user?.id,
      target: badgeNo,
      details: { reason },
    });
    return { ok: false as const, reason };
  };

  if (ip) {
    const recentFailures = await db.auditLog.count({
      where: { action: "auth.sign_in", outcome: "FAILURE", ip, at: { gt: new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000) } },
    });
    if (recentFailures >= IP_FAILURE_LIMIT) return fail("RATE_LIMITED", "DENIED");
  }

  if (!user || !user.credential) {
    await burnVerifyTime(password);
    return fail("INVALID");
  }
  if (!user.active) {
    await burnVerifyTime(password);
    return fail("DISABLED", "DENIED");
  }
  if (user.credential.lockedUntil && user.credential.lockedUntil > now) {
    await burnVerifyTime(password);
    return fail("LOCKED", "DENIED");
  }

  if (!(await verifyPassword(user.credential.passwordHash, password))) {
    // Atomic increment: concurrent guesses cannot slip past the limit.
    const cred = await db.credential.update({
      where: { userId: user.id },
      data: {
        failedCount: user.credential.lockedUntil && user.credential.lockedUntil <= now ? 1 : { increment: 1 },
        ...(user.credential.lockedUntil && user.credential.lockedUntil <= now ? { lockedUntil: null } : {}),
      },
      select: { failedCount: true },
    });
    if (cred.failedCount >= policy.maxFailedAttempts) {
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
        details: { failedAttempts: cred.failedCount, lockedUntil: lockedUntil.toISOString() },
      });
    }
    return fail("INVALID");
  }

  const sessionId = await db.$transaction(async (tx) => {
    await tx.credential.update({ where: { userId: user.id }, data: { failedCount: 0, lockedUntil: null } });
    const session = await tx.authSession.create({
      data: {
        userId: user.id,
        ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(now.getTime() + policy.absoluteTimeoutHours * 3600_000),
      },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: "auth.sign_in", targetType: "User", targetId: user.id, target: badgeNo });
    return session.id;
  });
  return { ok: true, userId: user.id, sessionId, mustChangePassword: user.credential.mustChange };
}
