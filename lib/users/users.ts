import "server-only";
import { randomInt } from "node:crypto";
import { adminRoleConflict, assertCan, holdsPeerAdminRole, isIdentityRole, type Actor, type Role } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation, notFound, validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { getSecurityPolicy, mfaRequiredFor } from "@/lib/auth/policy";
import { parseInput, type Paged } from "@/lib/validation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createUserSchema, listUsersSchema, updateUserSchema } from "./schemas";

export type UserDto = {
  id: string;
  badgeNo: string;
  name: string;
  roles: Role[];
  active: boolean;
  unit: { id: string; name: string };
  locked: boolean;
  mustChangePassword: boolean;
  /** Credential.totpEnrolledAt is set: the second factor is on. */
  mfaEnrolled: boolean;
  createdAt: Date;
};

const userSelect = {
  id: true,
  badgeNo: true,
  name: true,
  roles: true,
  active: true,
  createdAt: true,
  unit: { select: { id: true, name: true } },
  credential: { select: { lockedUntil: true, mustChange: true, totpEnrolledAt: true } },
} satisfies Prisma.UserSelect;

function toDto(u: Prisma.UserGetPayload<{ select: typeof userSelect }>): UserDto {
  return {
    id: u.id,
    badgeNo: u.badgeNo,
    name: u.name,
    roles: u.roles as Role[],
    active: u.active,
    unit: u.unit,
    createdAt: u.createdAt,
    locked: !!u.credential?.lockedUntil && u.credential.lockedUntil > new Date(),
    mustChangePassword: u.credential?.mustChange ?? false,
    mfaEnrolled: !!u.credential?.totpEnrolledAt,
  };
}

/** Reads of one account as the other domain functions of lib/users need it. */
export const unsafeUserDto = async (userId: string, client: Pick<typeof db, "user"> = db) =>
  toDto(await client.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect }));

/** The account list: the system administrator (identities) and the security administrator (grants). */
export async function listUsers(actor: Actor, query: unknown): Promise<Paged<UserDto>> {
  assertCan(actor, "users.view");
  const q = parseInput(listUsersSchema, query);
  const now = new Date();
  const where: Prisma.UserWhereInput = {
    ...(q.q ? { OR: [{ badgeNo: { contains: q.q.toUpperCase() } }, { name: { contains: q.q } }] } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.role ? { roles: { has: q.role } } : {}),
    ...(q.status === "active" ? { active: true } : q.status === "disabled" ? { active: false } : {}),
    ...(q.status === "locked" ? { credential: { lockedUntil: { gt: now } } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({ where, select: userSelect, orderBy: { badgeNo: "asc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(actor: Actor, userId: string): Promise<UserDto> {
  assertCan(actor, "users.view");
  const u = await db.user.findUnique({ where: { id: userId }, select: userSelect });
  if (!u) throw notFound("用户");
  return toDto(u);
}

/** A one-time password that satisfies the rules: 14 characters from all four classes. */
export function generateTemporaryPassword(): string {
  const sets = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "@#%+=?!"];
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  const all = sets.join("");
  while (chars.length < 14) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  // never a symbol first: a spreadsheet cell starting with = or + is a formula, so the export
  // guard (lib/export.ts) prefixes it with ' and the password sheet would hand out a wrong one
  const first = chars.findIndex((c) => /[A-Za-z0-9]/.test(c));
  [chars[0], chars[first]] = [chars[first]!, chars[0]!];
  return chars.join("");
}

/**
 * Creates an account with a one-time password the user must change at first sign-in. 三员分立:
 * the system administrator creates identities only — 民警 OFFICER or 辅警 AUXILIARY; every other
 * role is granted afterwards by the security administrator (lib/users/roles.ts), so the one who
 * knows the initial password never also decides what the account may read.
 */
export async function createUser(actor: Actor, input: unknown): Promise<{ user: UserDto; temporaryPassword: string }> {
  assertCan(actor, "users.manage");
  const data = parseInput(createUserSchema, input);
  const granted = data.roles.filter((r) => !isIdentityRole(r));
  if (granted.length) throw roleGrantForbidden(granted);
  if (!(await db.unit.findUnique({ where: { id: data.unitId }, select: { id: true } }))) throw validationFailed({ unitId: "单位不存在" });
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    const user = await db.$transaction(async (tx) => {
      const u = await tx.user.create({
        data: {
          badgeNo: data.badgeNo,
          name: data.name,
          unitId: data.unitId,
          roles: data.roles,
          credential: { create: { passwordHash, mustChange: true } },
        },
        select: userSelect,
      });
      await writeAudit(tx, {
        actor,
        action: "admin.user.create",
        targetType: "User",
        targetId: u.id,
        target: u.badgeNo,
        details: { roles: data.roles, unitId: data.unitId },
      });
      return u;
    });
    return { user: toDto(user), temporaryPassword };
  } catch (e) {
    if (isUniqueViolation(e)) throw validationFailed({ badgeNo: "该警号已存在" });
    throw e;
  }
}

/** Name, unit, roles, active flag. Takes effect on the user's next request. */
export async function updateUser(actor: Actor, userId: string, input: unknown): Promise<UserDto> {
  assertCan(actor, "users.manage");
  const data = parseInput(updateUserSchema, input);
  if (data.unitId && !(await db.unit.findUnique({ where: { id: data.unitId }, select: { id: true } })))
    throw validationFailed({ unitId: "单位不存在" });
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { badgeNo: true, name: true, unitId: true, roles: true, active: true },
    });
    if (!before) throw notFound("用户");
    // Nobody widens their own access: own roles, unit and active flag are changed by another administrator.
    if (
      userId === actor.id &&
      ((data.roles && !sameRoles(data.roles, before.roles)) || (data.unitId && data.unitId !== before.unitId) || data.active === false)
    ) {
      throw new AppError("SELF_CHANGE", "不能修改自己的角色、单位或启用状态，请由另一位系统管理员办理");
    }
    if (holdsPeerAdminRole(before.roles)) throw peerAdminRefused();
    if (data.roles && adminRoleConflict(data.roles))
      throw validationFailed({ roles: "系统、安全、审计管理员三种角色不能由同一账户兼任（三权分立）" });
    // The system administrator switches an identity between 民警 and 辅警; any other role stays as
    // the security administrator granted it.
    if (data.roles) {
      const authorisations = (roles: readonly string[]) => roles.filter((r) => !isIdentityRole(r)).sort();
      const changed = [
        ...authorisations(data.roles).filter((r) => !before.roles.includes(r as Role)),
        ...authorisations(before.roles).filter((r) => !data.roles!.includes(r as Role)),
      ];
      if (changed.length) throw roleGrantForbidden(changed);
    }
    const u = await tx.user.update({ where: { id: userId }, data, select: userSelect });
    if (data.active === false && before.active) {
      await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    const action =
      data.active === false && before.active
        ? "admin.user.disable"
        : data.active === true && !before.active
          ? "admin.user.enable"
          : data.roles
            ? "admin.user.roles"
            : "admin.user.update";
    await writeAudit(tx, {
      actor,
      action,
      targetType: "User",
      targetId: userId,
      target: before.badgeNo,
      details: { before: { name: before.name, unitId: before.unitId, roles: before.roles, active: before.active }, after: data },
    });
    return toDto(u);
  });
}

/**
 * Disables an account (SYS_ADMIN): it cannot sign in and its open sessions end at once (the
 * session check reads the revocation on every request). Not oneself, not a peer administrator.
 */
export async function disableUser(actor: Actor, userId: string): Promise<UserDto> {
  assertCan(actor, "users.manage");
  if (userId === actor.id) throw new AppError("SELF_CHANGE", "不能停用自己的账户，请由另一位系统管理员办理");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { badgeNo: true, roles: true, active: true } });
    if (!before) throw notFound("用户");
    if (holdsPeerAdminRole(before.roles)) throw peerAdminRefused();
    await tx.user.update({ where: { id: userId }, data: { active: false } });
    const ended = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actor,
      action: "admin.user.disable",
      targetType: "User",
      targetId: userId,
      target: before.badgeNo,
      details: { wasActive: before.active, sessionsEnded: ended.count },
    });
    return unsafeUserDto(userId, tx);
  });
}

/**
 * A new one-time password; the user must change it at next sign-in, open sessions end. The
 * second factor stays: on an enrolled account the new password alone does not sign in, so the
 * system administrator who receives it cannot use it. An account that must use a second factor
 * but has none yet is refused — its one-time password would let the system administrator enrol
 * a factor of their own and read what the role reads.
 */
export async function resetPassword(actor: Actor, userId: string): Promise<{ temporaryPassword: string }> {
  assertCan(actor, "users.manage");
  const policy = await getSecurityPolicy();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({
      where: { id: userId },
      select: { badgeNo: true, roles: true, credential: { select: { totpEnrolledAt: true } } },
    });
    if (!u) throw notFound("用户");
    if (holdsPeerAdminRole(u.roles)) throw peerAdminRefused();
    if (mfaRequiredFor(u.roles, policy) && !u.credential?.totpEnrolledAt) {
      throw new AppError(
        "MFA_NOT_ENROLLED",
        "该账户持有须使用双因素认证的角色，但尚未绑定验证器：重置密码会使系统管理员获得其权限。请先由安全管理员收回该角色，或由本人绑定后再重置",
      );
    }
    await tx.credential.update({
      where: { userId },
      data: { passwordHash, mustChange: true, changedAt: new Date(), failedCount: 0, lockedUntil: null },
    });
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actor, action: "admin.user.reset_password", targetType: "User", targetId: userId, target: u.badgeNo });
  });
  return { temporaryPassword };
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

export function roleGrantForbidden(roles: readonly string[]) {
  return new AppError(
    "ROLE_GRANT_FORBIDDEN",
    `系统管理员只能设置民警或辅警身份；${roles.join("、")} 等授权由安全管理员授予，三类管理员角色由运维在服务器上设置（三员分立）`,
  );
}

function peerAdminRefused() {
  return new AppError("PEER_ADMIN", "安全管理员、审计管理员账户不由系统管理员设置或修改（三权分立），请由运维在服务器上办理");
}
