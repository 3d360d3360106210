import { z } from "zod";
import { pageSchema } from "@/lib/validation";
import { daysBetween, isDay, yearOf } from "./calendar";

export const LEAVE_TYPES = ["ANNUAL", "COMPENSATORY", "SICK", "PERSONAL", "FAMILY_VISIT"] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
export const LEAVE_STATUSES = ["PENDING", "APPROVED", "REJECTED", "CANCELLED"] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const HOLIDAY_KINDS = ["HOLIDAY", "WORKDAY"] as const;

/** Chinese names for text that leaves the UI catalogue (notifications, exports, benefit records). */
export const LEAVE_TYPE_ZH: Record<LeaveType, string> = {
  ANNUAL: "年休假",
  COMPENSATORY: "调休/补休",
  SICK: "病假",
  PERSONAL: "事假",
  FAMILY_VISIT: "探亲假",
};
export const LEAVE_STATUS_ZH: Record<LeaveStatus, string> = {
  PENDING: "待审批",
  APPROVED: "已批准",
  REJECTED: "未批准",
  CANCELLED: "已撤销",
};

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const day = z.string({ error: "请填写日期" }).trim().refine(isDay, "日期应为有效的 YYYY-MM-DD");
const optionalDay = z.preprocess(blankToUndefined, day.optional());
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `不超过 ${max} 字`).optional());
export const yearSchema = z.coerce.number({ error: "年份无效" }).int("年份无效").min(2000, "年份无效").max(2100, "年份无效");

/** The longest single request: a year of calendar days. */
export const MAX_SPAN_DAYS = 366;

export const createRequestSchema = z
  .object({
    type: z.enum(LEAVE_TYPES, { error: "请选择休假类型" }),
    from: day,
    to: day,
    reason: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "结束日期不能早于开始日期" });
    else if (daysBetween(v.from, v.to) >= MAX_SPAN_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "一次申请不能超过一年" });
    else if (v.type === "ANNUAL" && yearOf(v.from) !== yearOf(v.to))
      ctx.addIssue({ code: "custom", path: ["to"], message: "年休假按年度计算，不能跨年，请按年度分两次申请" });
  });

export const decisionSchema = z.object({ comment: optionalText(500) });

const bool = z.preprocess((v) => v === true || v === "1" || v === "true", z.boolean());

export const listRequestsSchema = pageSchema.extend({
  scope: z.preprocess(blankToUndefined, z.enum(["mine", "unit"]).default("mine")),
  status: z.preprocess(blankToUndefined, z.enum(LEAVE_STATUSES).optional()),
  type: z.preprocess(blankToUndefined, z.enum(LEAVE_TYPES).optional()),
  year: z.preprocess(blankToUndefined, yearSchema.optional()),
  /** ranges touching from..to */
  from: optionalDay,
  to: optionalDay,
  q: optionalText(40),
  /** unit scope: only the requests the actor may decide (not their own) */
  decidable: z.preprocess(blankToUndefined, bool.optional()),
});

export const holidayDaySchema = z.object({
  date: day,
  kind: z.enum(HOLIDAY_KINDS, { error: "类型应为 HOLIDAY（放假）或 WORKDAY（调休上班）" }),
  name: z.preprocess((v) => (v === undefined || v === null || v === "" ? undefined : v), z.string().trim().min(1).max(30).optional()),
});
const holidayDays = z.array(holidayDaySchema).max(200, "一年最多 200 个特殊日期");
/** PUT body: the year's days as GET returns them, or {days, provisional?, source?}. */
export const replaceHolidaysSchema = z.preprocess(
  (v) => (Array.isArray(v) ? { days: v } : v),
  z.object({
    days: holidayDays,
    provisional: z.boolean().optional(),
    source: optionalText(300),
  }),
);

export const serviceStartSchema = z.object({ badgeNo: z.string().trim().min(1, "请填写警号").max(20), serviceStartDate: day });

export const exportQuerySchema = z.object({
  format: z.preprocess(blankToUndefined, z.enum(["xlsx", "csv"]).default("xlsx")),
  year: z.preprocess(blankToUndefined, yearSchema.optional()),
  status: z.preprocess(blankToUndefined, z.enum(LEAVE_STATUSES).optional()),
  type: z.preprocess(blankToUndefined, z.enum(LEAVE_TYPES).optional()),
});

export const balancesQuerySchema = pageSchema.extend({
  year: z.preprocess(blankToUndefined, yearSchema.optional()),
  q: optionalText(40),
});
