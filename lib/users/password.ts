import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { describePasswordViolations, passwordRuleViolations } from "@/lib/auth/password-rules";
import { getSecurityPolicy } from "@/lib/auth/policy";
import { isCommonPassword } from "@/lib/auth/password-blocklist";
import { parseInput } from "@/lib/validation";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(256),
    newPassword: z.string().min(1, "请输入新密码").max(256),
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" });

/** How many passwords an account may not reuse: the current one and the 4 before it. */
export const PASSWORD_HISTORY = 5;

/**
 * Enforces the password rules of the current policy — composition, no badge number, not on the
 * list of common passwords, none of the account's last 5 (`recentHashes`, current first) —
 * and throws VALIDATION_FAILED on `field`.
 */
export async function assertPasswordAcceptable(
  password: string,
  badgeNo: string,
  field = "newPassword",
  recentHashes: readonly string[] = [],
) {
  const { passwordMinLength } = await getSecurityPolicy();
  const violations = passwordRuleViolations(password, badgeNo, passwordMinLength);
  if (violations.length) throw validationFailed({ [field]: describePasswordViolations(violations, passwordMinLength) });
  if (isCommonPassword(password)) throw validationFailed({ [field]: "该密码过于常见，容易被猜中，请换一个" });
  // argon2 verification is deliberately slow: at most 5 of them, only after the cheap checks passed
  for (const h of recentHashes.slice(0, PASSWORD_HISTORY)) {
    if (await verifyPassword(h, password)) throw validationFailed({ [field]: `不能使用最近 ${PASSWORD_HISTORY} 次用过的密码` });
  }
}

/**
 * The signed-in user changes their own password (also the forced first-sign-in change). Every
 * other session of theirs ends: whoever else knew the old password is signed out.
 */
export async function changeOwnPassword(actor: Actor, input: unknown, currentSessionId: string | null = null): Promise<void> {
  const data = parseInput(changePasswordSchema, input);
  const cred = await db.credential.findUnique({ where: { userId: actor.id } });
  if (!cred) throw new AppError("NOT_FOUND", "账户不存在");
  if (!(await verifyPassword(cred.passwordHash, data.currentPassword))) {
    await writeAudit(db, {
      actor,
      action: "auth.password.change",
      outcome: "FAILURE",
      targetType: "User",
      targetId: actor.id,
      target: actor.badgeNo,
      details: { reason: "wrong_current" },
    });
    throw validationFailed({ currentPassword: "当前密码不正确" });
  }
  if (data.newPassword === data.currentPassword) throw validationFailed({ newPassword: "新密码不能与当前密码相同" });
  await assertPasswordAcceptable(data.newPassword, actor.badgeNo, "newPassword", [
    cred.passwordHash,
    ...(cred.previousPasswordHashes ?? []),
  ]);
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    // the replaced hash joins previousPasswordHashes by a database trigger (mfa_password_history migration)
    await tx.credential.update({ where: { userId: actor.id }, data: { passwordHash, mustChange: false, changedAt: new Date() } });
    await tx.authSession.updateMany({
      where: { userId: actor.id, revokedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, { actor, action: "auth.password.change", targetType: "User", targetId: actor.id, target: actor.badgeNo });
  });
}
