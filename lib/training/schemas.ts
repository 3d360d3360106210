import { z } from "zod";
import { ROLES } from "@/lib/access";
import { pageSchema } from "@/lib/validation";

/** An instant from ISO-8601; a wall-clock value without offset ("2026-12-03T09:00", from
 * <input type="datetime-local">) is read as Asia/Shanghai. */
export const instant = z.preprocess(
  (v) => {
    if (v instanceof Date) return v;
    if (typeof v !== "string" || !v.trim()) return v;
    const s = v.trim();
    const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(s);
    const withSeconds = /T\d{2}:\d{2}$/.test(s) ? `${s}:00` : s;
    const d = new Date(hasOffset ? s : `${withSeconds}+08:00`);
    return Number.isNaN(d.getTime()) ? v : d;
  },
  z.date({ error: "请输入有效的日期时间" }),
);

const optionalInstant = z.preprocess((v) => (v === "" ? null : v), instant.nullable().optional());

export const FORMATS = ["OFFLINE", "ONLINE", "FIELD_TRIP"] as const;

export const lecturerSchema = z.object({
  name: z.string().trim().min(1, "请填写授课人姓名").max(50),
  affiliation: z.string().trim().max(100).nullish(),
  userId: z.string().trim().min(1).nullish(),
});

const sessionFields = {
  title: z.string().trim().min(1, "请填写培训主题").max(200, "主题不超过 200 字"),
  category: z.string().trim().min(1, "请选择类别").max(40),
  description: z.string().trim().max(5000).optional(),
  format: z.enum(FORMATS).optional(),
  venue: z.string().trim().min(1, "请填写地点").max(200),
  startsAt: instant,
  endsAt: instant,
  capacity: z.coerce.number({ error: "请填写名额" }).int("名额须为整数").min(1, "名额至少为 1").max(5000, "名额不超过 5000"),
  creditHours: z.coerce
    .number({ error: "请填写学时" })
    .min(0, "学时不能为负")
    .max(200, "学时不超过 200")
    .multipleOf(0.5, "学时以 0.5 为单位"),
  lecturers: z.array(lecturerSchema).max(20).optional(),
  enrollOpensAt: optionalInstant,
  enrollClosesAt: optionalInstant,
  cancelCutoffHours: z.coerce.number().int().min(0).max(720).optional(),
  audienceUnitIds: z.array(z.string().min(1)).max(100).optional(),
  audienceRoles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
};

export const createSessionSchema = z.object(sessionFields).superRefine((v, ctx) => {
  if (v.endsAt <= v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "结束时间须晚于开始时间" });
});

export const updateSessionSchema = z.object(sessionFields).partial();

// Everyone enrolled is told why: a cancellation without a reason is refused.
export const cancelSessionSchema = z.object({
  reason: z.string({ error: "请填写取消原因" }).trim().min(1, "请填写取消原因").max(500),
});

export const listSessionsSchema = pageSchema.extend({
  status: z.enum(["DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED"]).optional().catch(undefined),
  category: z.string().trim().max(40).optional(),
  format: z.enum(FORMATS).optional().catch(undefined),
  from: instant.optional().catch(undefined),
  to: instant.optional().catch(undefined),
  q: z.string().trim().max(100).optional(),
  seatsLeft: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).optional(),
  upcoming: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).optional(),
});

export const attendanceSchema = z.object({
  userId: z.string().trim().min(1, "请指定人员"),
  present: z.boolean({ error: "present 须为布尔值" }),
});

export const feedbackSchema = z.object({
  rating: z.coerce.number().int().min(1, "评分 1–5").max(5, "评分 1–5"),
  comment: z.string().trim().max(1000).optional(),
});

export const categorySchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "代码为大写字母、数字和下划线"),
  name: z.string().trim().min(1, "请填写名称").max(40),
  nameEn: z.string().trim().max(60).optional().default(""),
});

export const requirementSchema = z.object({
  role: z.enum(ROLES),
  hours: z.coerce.number().min(0).max(500).multipleOf(0.5),
});

export const policySchema = z.object({
  noShowEnabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  noShowLimit: z.coerce.number().int().min(1).max(50),
  noShowWindowDays: z.coerce.number().int().min(1).max(365),
  suspendDays: z.coerce.number().int().min(1).max(365),
});

/** The most people a unit lead enrols in one step (one transaction holds the session's lock). */
export const UNIT_ENROL_MAX = 500;

export const unitEnrolSchema = z.object({
  sessionId: z.string().min(1),
  userIds: z
    .array(z.string().min(1).max(64), { error: "请选择人员" })
    .min(1, "请选择人员")
    .max(UNIT_ENROL_MAX, `一次最多为 ${UNIT_ENROL_MAX} 人报名`),
});

/** "My training" pages its two history lists apart — `?attended=N` and `?missed=N`, newest
 * first — so turning one keeps the other's place; a page number that is not one reads as 1. */
export const MY_HISTORY_PAGE_SIZE = 10;
const historyPage = z.coerce.number().int().min(1).max(10_000).catch(1);
export const myTrainingPagesSchema = z.object({ attended: historyPage, missed: historyPage });
