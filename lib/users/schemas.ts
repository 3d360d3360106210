import { z } from "zod";
import { ROLES, adminRoleConflict, sensitiveRoleConflict } from "@/lib/access";

export const badgeNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{4,16}$/, "警号为 4–16 位大写字母或数字");

const rolesSchema = z
  .array(z.enum(ROLES))
  .min(1, "至少分配一个角色")
  .refine((r) => !adminRoleConflict(r), "系统、安全、审计管理员三种角色不能由同一账户兼任（三权分立）")
  .refine((r) => !sensitiveRoleConflict(r), "管理员账户不能兼任人事或警医联络员（不得接触个人敏感信息）");

export const createUserSchema = z.object({
  badgeNo: badgeNoSchema,
  name: z.string().trim().min(1, "请输入姓名").max(40),
  unitId: z.string().min(1, "请选择单位"),
  roles: rolesSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().min(1, "请输入姓名").max(40).optional(),
  unitId: z.string().min(1).optional(),
  roles: rolesSchema.optional(),
  active: z.boolean().optional(),
});

export const listUsersSchema = z.object({
  q: z.string().trim().max(40).optional(),
  unitId: z.string().optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(["active", "disabled", "locked"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const unitSchema = z.object({
  name: z.string().trim().min(1, "请输入单位名称").max(60),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,32}$/, "编码为 2–32 位大写字母、数字或连字符"),
  kind: z.enum(["BUREAU", "STATION", "BRIGADE", "TEAM"]),
  parentId: z.string().min(1).nullable(),
});

export const policySchema = z.object({
  maxFailedAttempts: z.coerce.number().int().min(3, "不少于 3 次").max(20, "不超过 20 次"),
  lockoutMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  passwordMinLength: z.coerce.number().int().min(10, "不少于 10 位").max(64),
  idleTimeoutMinutes: z.coerce.number().int().min(5).max(120),
  absoluteTimeoutHours: z.coerce.number().int().min(1).max(24),
  /** Roles that must use the second factor; absent keeps the current list. */
  mfaRoles: z.array(z.enum(ROLES, "未知角色")).optional(),
  passwordMaxAgeDays: z.coerce.number().int().min(30, "不少于 30 天").max(365, "不超过 365 天").optional(),
});
