import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { verifyPassword } from "@/lib/auth/password";
import { checkSecondFactor, spendSecondFactor } from "@/lib/auth/mfa";
import { parseInput } from "@/lib/validation";

// Step-up: a signed-in user proves it is still them before a sensitive operation — the password
// again, and a fresh code where a second factor is enrolled (a TOTP code spent here cannot sign
// in, and the other way round). Failures are counted per account from the audit log (across
// instances) and never lock the account: a session thief cannot lock its owner out either.
export const STEP_UP_FAILURE_LIMIT = 5;
export const STEP_UP_WINDOW_MINUTES = 15;

export const stepUpSchema = z.object({
  password: z.string("请再次输入登录密码").min(1, "请再次输入登录密码").max(256),
  otp: z.string().trim().max(32).optional(),
});

/**
 * Throws unless `input` re-proves the actor's identity: 400 VALIDATION_FAILED (fields.password or
 * fields.otp) on a wrong answer, 429 RATE_LIMITED after STEP_UP_FAILURE_LIMIT failures in
 * STEP_UP_WINDOW_MINUTES. Every attempt is audited with its purpose.
 */
export async function assertStepUp(actor: Actor, input: unknown, purpose: string): Promise<void> {
  const audit = (outcome: "SUCCESS" | "FAILURE" | "DENIED", reason?: string) =>
    writeAudit(db, {
      actor,
      action: "auth.step_up",
      outcome,
      targetType: "User",
      targetId: actor.id,
      target: actor.badgeNo,
      details: { purpose, ...(reason ? { reason } : {}) },
    });
  const recentFailures = await db.auditLog.count({
    where: {
      action: "auth.step_up",
      outcome: "FAILURE",
      actorId: actor.id,
      at: { gt: new Date(Date.now() - STEP_UP_WINDOW_MINUTES * 60_000) },
    },
  });
  if (recentFailures >= STEP_UP_FAILURE_LIMIT) {
    await audit("DENIED", "rate_limited");
    throw new AppError("RATE_LIMITED", `二次验证失败次数过多，请 ${STEP_UP_WINDOW_MINUTES} 分钟后再试`);
  }
  const data = parseInput(stepUpSchema, input);
  const cred = await db.credential.findUnique({
    where: { userId: actor.id },
    select: { passwordHash: true, totpSecretEnc: true, totpEnrolledAt: true, totpLastStep: true },
  });
  if (!cred) throw notFound("账户");
  const enrolled = !!cred.totpEnrolledAt;
  if (enrolled && !data.otp) throw validationFailed({ otp: "请输入验证器显示的动态验证码（或一个恢复码）" });
  const [passwordOk, claim] = await Promise.all([
    verifyPassword(cred.passwordHash, data.password),
    enrolled ? checkSecondFactor(cred, data.otp) : Promise.resolve(null),
  ]);
  if (!passwordOk) {
    await audit("FAILURE", "password");
    throw validationFailed({ password: "密码不正确" });
  }
  if (enrolled && !(claim && (await spendSecondFactor(actor.id, claim)))) {
    await audit("FAILURE", "otp");
    throw validationFailed({ otp: "动态验证码不正确或已使用，请输入验证器当前显示的数字" });
  }
  await audit("SUCCESS");
}
