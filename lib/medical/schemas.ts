import { z } from "zod";
import { pageSchema } from "@/lib/validation";
import { DAY_MS } from "@/lib/time";

// Inputs of the medical module, shared by server actions and the JSON API.
export const BOOKING_STATUSES = ["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const OUTCOMES = ["NORMAL", "ABNORMAL_RECHECK"] as const;

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");
const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间格式应为 HH:MM");
const instant = z.iso.datetime({ offset: true, message: "时间格式应为 ISO-8601（带时区）" });
const id = z.string().trim().min(1, "不能为空").max(64);
const serviceCode = z.string().trim().min(1, "请选择服务项目").max(40);
const note = z.string().trim().max(500, "健康备注不能超过500字");
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const bookSchema = z.object({
  slotId: id,
  note: note.optional().transform((v) => (v ? v : undefined)),
  shareNote: checkbox,
});

export const consentSchema = z.object({ version: z.coerce.number().int().min(1, "版本号无效") });

export const slotsQuerySchema = pageSchema.extend({
  service: serviceCode.optional(),
  from: z.union([ymd, instant]).optional(),
  to: z.union([ymd, instant]).optional(),
});

export const createSlotSchema = z
  .object({ service: serviceCode, startsAt: instant, endsAt: instant, capacity: z.coerce.number().int().min(1, "容量至少为1").max(500) })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { path: ["endsAt"], message: "结束时间须晚于开始时间" });

export const bookingsQuerySchema = pageSchema.extend({
  date: ymd.optional(),
  service: serviceCode.optional(),
  status: z.enum(BOOKING_STATUSES, { message: "状态无效" }).optional(),
});

export const cancelSchema = z.object({ reason: z.string().trim().max(200).optional() });

export const urgentSchema = z.object({
  badgeNo: z.string().trim().min(1, "请填写警号").max(32),
  service: serviceCode.default("GREEN_CHANNEL"),
  startsAt: z
    .union([instant, z.literal("")])
    .optional()
    .transform((v) => (v ? v : undefined)),
  note: note.optional().transform((v) => (v ? v : undefined)),
  reason: z.string().trim().min(1, "请填写紧急原因").max(200),
});

export const outcomeSchema = z.object({ outcome: z.enum(OUTCOMES, { message: "请选择结果" }) });

export const rescheduleSchema = z.object({ slotId: id });

export const serviceSchema = z.object({
  id: z.string().optional(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "代码为大写字母、数字和下划线"),
  name: z.string().trim().min(1, "请填写名称").max(60),
  nameEn: z.string().trim().max(80).optional().default(""),
  description: z.string().trim().max(500).default(""),
  hospitalId: id,
  yearlyQuota: z
    .union([z.literal(""), z.coerce.number().int().min(1, "每年次数至少为1").max(100)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  active: checkbox,
});

export const hospitalSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, "请填写医院名称").max(80),
  address: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(40).optional(),
  active: checkbox,
});

export const templateSchema = z
  .object({
    serviceId: id,
    weekday: z.coerce.number().int().min(1).max(7),
    startTime: hm,
    endTime: hm,
    slotMinutes: z.coerce.number().int().min(5, "至少5分钟").max(480),
    capacity: z.coerce.number().int().min(1, "容量至少为1").max(500),
  })
  .refine((v) => v.endTime > v.startTime, { path: ["endTime"], message: "结束时间须晚于开始时间" });

export const generateSchema = z
  .object({ from: ymd, to: ymd, serviceId: z.string().optional() })
  .refine((v) => v.to >= v.from, { path: ["to"], message: "结束日期须不早于开始日期" })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / DAY_MS <= 92, { path: ["to"], message: "一次最多生成92天" });

export const closedDaySchema = z.object({
  date: ymd,
  reason: z.string().trim().min(1, "请填写原因").max(100),
  /** what happens to bookings already in that day's slots: cancel them (bookers are told) or keep them */
  existing: z.enum(["CANCEL", "KEEP"], { message: "请选择如何处理已有预约" }),
});
