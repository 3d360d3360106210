import "server-only";
import { z } from "zod";
import { ROLES, assertCan, isAdminRole, sensitiveRoleConflict, type Actor, type Role } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { assertStepUp } from "@/lib/auth/step-up";
import { getSecurityPolicy, mfaRequiredFor } from "@/lib/auth/policy";
import { parseInput } from "@/lib/validation";
import { unsafeUserDto, type UserDto } from "./users";

// 三员分立: the security administrator decides what an account may do. It grants and removes
// every role except the three administrator roles (provisioned on the server, `npm run
// admin:provision`), never on its own account, and only after proving it is still itself
// (step-up: password, and the TOTP code where enrolled — lib/auth/step-up.ts).

export const grantRolesSchema = z.object({
  roles: z.array(z.enum(ROLES, "未知角色")).min(1, "至少保留一个角色").max(ROLES.length),
  password: z.string().max(256).optional(),
  otp: z.string().max(32).optional(),
});

export function roleGrantRefused(message: string) {
  return new AppError("ROLE_GRANT_FORBIDDEN", message);
}

/**
 * Sets an account's roles (SECURITY_ADMIN). 403 ROLE_GRANT_FORBIDDEN for an administrator role
 * (given or taken), for one's own account; 403 STEP_UP_REQUIRED without `password`; 400
 * VALIDATION_FAILED (fields.password / fields.otp) for a wrong one; 409 INITIAL_PASSWORD_PENDING
 * when a role that needs the second factor would go to an account still on the one-time password
 * the system administrator handed out (that administrator could sign in and enrol a factor).
 */
export async function grantRoles(actor: Actor, userId: string, input: unknown): Promise<UserDto> {
  assertCan(actor, "roles.grant");
  const data = parseInput(grantRolesSchema, input);
  const roles = [...new Set(data.roles)] as Role[];
  if (userId === actor.id) throw roleGrantRefused("不能修改自己账户的角色，请由另一位安全管理员办理");
  const admin = roles.filter(isAdminRole);
  if (admin.length) throw roleGrantRefused(`系统、安全、审计管理员角色（${admin.join("、")}）不在此授予，由运维在服务器上设置（三员分立）`);
  const sensitive = sensitiveRoleConflict(roles);
  if (sensitive) throw validationFailed({ roles: "管理员账户不能兼任人事或警医联络员" });
  const target = await db.user.findUnique({
    where: { id: userId },
    select: { badgeNo: true, roles: true, credential: { select: { mustChange: true } } },
  });
  if (!target) throw notFound("用户");
  if (target.roles.some(isAdminRole)) throw roleGrantRefused("管理员账户的角色不在此修改，由运维在服务器上设置（三员分立）");
  const added = roles.filter((r) => !target.roles.includes(r));
  const policy = await getSecurityPolicy();
  if (target.credential?.mustChange && mfaRequiredFor(added, policy)) {
    throw new AppError(
      "INITIAL_PASSWORD_PENDING",
      "该账户仍在使用系统管理员发放的初始密码：须由本人登录修改密码后，才能授予需要双因素认证的角色",
    );
  }
  if (!data.password) {
    throw new AppError("STEP_UP_REQUIRED", "授予角色前须再次验证身份：请输入登录密码（已绑定验证器的还需动态验证码）");
  }
  await assertStepUp(actor, { password: data.password, otp: data.otp }, "roles.grant");
  return db.$transaction(async (tx) => {
    // the row is locked so that two grants to one account apply one after the other
    const rows = await tx.$queryRaw<{ roles: string[] }[]>`SELECT roles::text[] AS roles FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const before = rows[0]?.roles ?? [];
    if (before.some(isAdminRole)) throw roleGrantRefused("管理员账户的角色不在此修改，由运维在服务器上设置（三员分立）");
    await tx.user.update({ where: { id: userId }, data: { roles } });
    await writeAudit(tx, {
      actor,
      action: "security.roles.grant",
      targetType: "User",
      targetId: userId,
      target: target.badgeNo,
      details: {
        before,
        after: roles,
        added: roles.filter((r) => !before.includes(r)),
        removed: before.filter((r) => !roles.includes(r as Role)),
      },
    });
    return unsafeUserDto(userId, tx);
  });
}
