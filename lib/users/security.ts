import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound, validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { clearSecurityPolicyCache, getSecurityPolicy, MFA_REQUIRED_ROLES, type SecurityPolicy } from "@/lib/auth/policy";
import { parseInput } from "@/lib/validation";
import { policySchema } from "./schemas";

export async function getPolicy(actor: Actor): Promise<SecurityPolicy> {
  assertCan(actor, "security.manage");
  return getSecurityPolicy();
}

export async function updatePolicy(actor: Actor, input: unknown): Promise<SecurityPolicy> {
  assertCan(actor, "security.manage");
  const parsed = parseInput(policySchema, input);
  const before = await getSecurityPolicy();
  // The second factor can be required of more roles, never of fewer than the level-3 floor.
  const missing = parsed.mfaRoles ? MFA_REQUIRED_ROLES.filter((r) => !parsed.mfaRoles!.includes(r)) : [];
  if (missing.length) throw validationFailed({ mfaRoles: `以下角色必须使用双因素认证（等保三级），不能取消：${missing.join("、")}` });
  const data: SecurityPolicy = {
    ...parsed,
    mfaRoles: parsed.mfaRoles ? [...new Set(parsed.mfaRoles)] : before.mfaRoles,
    passwordMaxAgeDays: parsed.passwordMaxAgeDays ?? before.passwordMaxAgeDays,
  };
  await db.$transaction(async (tx) => {
    await tx.securityPolicy.upsert({
      where: { id: 1 },
      update: { ...data, updatedById: actor.id },
      create: { id: 1, ...data, updatedById: actor.id },
    });
    await writeAudit(tx, {
      actor,
      action: "security.policy.update",
      targetType: "SecurityPolicy",
      targetId: "1",
      details: { before, after: data },
    });
  });
  clearSecurityPolicyCache();
  return data;
}

export type LockedAccountDto = { id: string; badgeNo: string; name: string; unitName: string; lockedUntil: Date };

export async function listLockedAccounts(actor: Actor): Promise<LockedAccountDto[]> {
  assertCan(actor, "security.manage");
  const rows = await db.credential.findMany({
    where: { lockedUntil: { gt: new Date() } },
    select: { lockedUntil: true, user: { select: { id: true, badgeNo: true, name: true, unit: { select: { name: true } } } } },
    orderBy: { lockedUntil: "desc" },
  });
  return rows.map((r) => ({
    id: r.user.id,
    badgeNo: r.user.badgeNo,
    name: r.user.name,
    unitName: r.user.unit.name,
    lockedUntil: r.lockedUntil!,
  }));
}

export async function unlockAccount(actor: Actor, userId: string): Promise<void> {
  assertCan(actor, "security.manage");
  await db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: { badgeNo: true } });
    if (!u) throw notFound("用户");
    await tx.credential.update({ where: { userId }, data: { lockedUntil: null, failedCount: 0 } });
    await writeAudit(tx, { actor, action: "security.account.unlock", targetType: "User", targetId: userId, target: u.badgeNo });
  });
}

export type SessionDto = {
  id: string;
  badgeNo: string;
  name: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
};

/** Sessions that are still open (not revoked, not past either time-out). */
export async function listOpenSessions(actor: Actor): Promise<SessionDto[]> {
  assertCan(actor, "security.manage");
  const policy = await getSecurityPolicy();
  const now = Date.now();
  const rows = await db.authSession.findMany({
    where: { revokedAt: null, expiresAt: { gt: new Date(now) }, lastSeenAt: { gt: new Date(now - policy.idleTimeoutMinutes * 60_000) } },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true, user: { select: { badgeNo: true, name: true } } },
    orderBy: { lastSeenAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    badgeNo: r.user.badgeNo,
    name: r.user.name,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    ip: r.ip,
    userAgent: r.userAgent,
  }));
}

export async function revokeSessionAsAdmin(actor: Actor, sessionId: string): Promise<void> {
  assertCan(actor, "security.manage");
  await db.$transaction(async (tx) => {
    const s = await tx.authSession.findUnique({ where: { id: sessionId }, select: { user: { select: { badgeNo: true } } } });
    if (!s) throw notFound("会话");
    await tx.authSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actor,
      action: "security.session.revoke",
      targetType: "AuthSession",
      targetId: sessionId,
      target: s.user.badgeNo,
    });
  });
}
