import "server-only";
import { randomInt } from "node:crypto";
import { adminRoleConflict, assertCan, holdsPeerAdminRole, type Actor, type Role } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation, notFound, validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
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
  credential: { select: { lockedUntil: true, mustChange: true } },
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
  };
}

export async function listUsers(actor: Actor, query: unknown): Promise<Paged<UserDto>> {
  assertCan(actor, "users.manage");
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
  assertCan(actor, "users.manage");
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
  return chars.join("");
}

/** Creates an account with a one-time password the user must change at first sign-in. */
export async function createUser(actor: Actor, input: unknown): Promise<{ user: UserDto; temporaryPassword: string }> {
  assertCan(actor, "users.manage");
  const data = parseInput(createUserSchema, input);
  if (holdsPeerAdminRole(data.roles)) throw peerAdminRefused();
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
    if (holdsPeerAdminRole(before.roles) || (data.roles && holdsPeerAdminRole(data.roles))) throw peerAdminRefused();
    if (data.roles && adminRoleConflict(data.roles))
      throw validationFailed({ roles: "系统、安全、审计管理员三种角色不能由同一账户兼任（三权分立）" });
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

/** A new one-time password; the user must change it at next sign-in, open sessions end. */
export async function resetPassword(actor: Actor, userId: string): Promise<{ temporaryPassword: string }> {
  assertCan(actor, "users.manage");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: { badgeNo: true, roles: true } });
    if (!u) throw notFound("用户");
    if (holdsPeerAdminRole(u.roles)) throw peerAdminRefused();
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

function peerAdminRefused() {
  return new AppError("PEER_ADMIN", "安全管理员、审计管理员账户不由系统管理员设置或修改（三权分立），请由运维在服务器上办理");
}
