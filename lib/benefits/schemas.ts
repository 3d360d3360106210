import { z } from "zod";
import { pageSchema } from "@/lib/validation";
import { checkIdNumber, ID_ERRORS } from "./idcard";

export const CATEGORIES = ["RECRUITMENT", "PAY", "EQUIPMENT", "TRAINING", "COMPENSATION", "PROMOTION", "AWARD", "LEAVE"] as const;
export type Category = (typeof CATEGORIES)[number];
/** Categories kept as plain dated entries (BenefitRecord); the rest have their own tables. */
export const SIMPLE_CATEGORIES = ["RECRUITMENT", "TRAINING", "PROMOTION", "AWARD", "LEAVE"] as const;
export const CASE_KINDS = ["WORK_INJURY", "ILLNESS", "HARDSHIP", "BEREAVEMENT", "HOLIDAY_VISIT"] as const;
export const POSTS = ["DUTY", "CIVILIAN"] as const;
export const STATUSES = ["ACTIVE", "LEFT"] as const;
export const ASSESSMENTS = ["EXCELLENT", "COMPETENT", "BASIC", "INCOMPETENT"] as const;
export const SEASONS = ["ALL", "SPRING_AUTUMN", "SUMMER", "WINTER"] as const;
export const SIZE_GROUPS = ["TOP", "BOTTOM", "SHOES", "HAT", "BELT"] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "日期无效");
const optionalDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDate.optional());
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());
export const moneyText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "金额应为不超过两位小数的非负数"));
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM");

export const idNumber = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const r = checkIdNumber(v);
    if (!r.ok) ctx.addIssue({ code: "custom", message: ID_ERRORS[r.reason] });
  });

const profileFields = {
  auxNo: z
    .string()
    .trim()
    .regex(/^[A-Z]\d{5,9}$/, "辅警编号格式如 F00001"),
  name: z.string().trim().min(1, "请填写姓名").max(40),
  unitId: z.string().min(1, "请选择单位"),
  post: z.enum(POSTS),
  hireDate: isoDate,
  level: z.coerce.number().int().min(1, "层级至少为 1").max(20),
  batch: optionalText(60),
  contractStart: optionalDate,
  contractEnd: optionalDate,
  status: z.enum(STATUSES).default("ACTIVE"),
  phone: optionalText(20),
  sizes: z.record(z.enum(SIZE_GROUPS), z.string().trim().max(20)).optional(),
};

export const createProfileSchema = z.object({ ...profileFields, idNumber });
export type CreateProfileInput = z.infer<typeof createProfileSchema>;

/** An edit may leave idNumber empty to keep the stored one. */
export const updateProfileSchema = z.object({
  ...profileFields,
  status: z.enum(STATUSES),
  idNumber: z.preprocess((v) => (v === "" ? undefined : v), idNumber.optional()),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const ROSTER_SORTS = ["auxNo", "name", "level", "hireDate", "unit"] as const;
export const rosterQuerySchema = pageSchema.extend({
  q: optionalText(50),
  unitId: optionalText(40),
  post: z.preprocess((v) => (v === "" ? undefined : v), z.enum(POSTS).optional()),
  level: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(STATUSES).optional()),
  hireYear: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1950).max(2100).optional()),
  sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ROSTER_SORTS).default("auxNo")),
  dir: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["asc", "desc"]).default("asc")),
});
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

export const recordsQuerySchema = z.object({
  auxiliaryId: optionalText(40),
  category: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CATEGORIES).optional()),
});

export const createRecordSchema = z.object({
  auxiliaryId: z.string().min(1, "请指定辅警"),
  category: z.enum(CATEGORIES),
  occurredOn: isoDate,
  title: z.string().trim().min(1, "请填写标题").max(200),
  amount: z.preprocess((v) => (v === "" || v === null ? undefined : v), moneyText.optional()),
  details: z.record(z.string(), z.unknown()).default({}),
  /** for COMPENSATION: the case kind */
  kind: z.enum(CASE_KINDS).optional(),
});

export const reviewCaseSchema = z.object({
  decision: z.enum(["APPROVE", "REJECT"]),
  amountApproved: z.preprocess((v) => (v === "" || v === null ? undefined : v), moneyText.optional()),
  note: optionalText(500),
});

export const payImportFormSchema = z.object({
  month,
  replace: z.preprocess((v) => v === true || v === "true" || v === "1" || v === "on", z.boolean()).default(false),
});

export const itemSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_-]{2,30}$/, "编码为大写字母、数字"),
  name: z.string().trim().min(1).max(60),
  unitLabel: z.string().trim().min(1).max(6),
  sizeGroup: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SIZE_GROUPS).optional()),
  cycleMonths: z.coerce.number().int().min(1).max(240),
});

export const standardSchema = z.object({
  itemId: z.string().min(1),
  post: z.preprocess((v) => (v === "" ? undefined : v), z.enum(POSTS).optional()),
  gender: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["MALE", "FEMALE"]).optional()),
  season: z.enum(SEASONS).default("ALL"),
  quantity: z.coerce.number().int().min(1).max(50),
  cycleMonths: z.coerce.number().int().min(1).max(240),
});

export const issueSchema = z.object({
  profileId: z.string().min(1),
  itemId: z.string().min(1),
  size: optionalText(20),
  quantity: z.coerce.number().int().min(1).max(50),
  issuedOn: isoDate,
  note: optionalText(200),
});

export const batchIssueSchema = z.object({
  unitId: z.string().min(1, "请选择单位"),
  itemId: z.string().min(1, "请选择物品"),
  quantity: z.coerce.number().int().min(1).max(50),
  issuedOn: isoDate,
  includeSubunits: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(true),
});

export const campaignSchema = z.object({
  name: z.string().trim().min(1, "请填写名称").max(60),
  startsOn: isoDate,
  endsOn: isoDate,
  description: optionalText(500),
});

export const visitSchema = z.object({
  campaignId: z.string().min(1),
  auxNo: z.string().trim().min(1, "请填写辅警编号"),
  visitedOn: isoDate,
  visitors: z.string().trim().min(1, "请填写走访人").max(100),
  visitee: z.string().trim().min(1, "请填写走访对象").max(60),
  reason: z.string().trim().min(1, "请填写事由").max(200),
  gift: optionalText(100),
  amount: z.preprocess((v) => (v === "" || v === null ? undefined : v), moneyText.optional()),
});

export const promotionRuleSchema = z.object({
  fromLevel: z.coerce.number().int().min(1).max(19),
  minYears: z.coerce.number().int().min(0).max(30),
  minAssessment: z.enum(ASSESSMENTS),
  blockOnDiscipline: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

export const promotionDecisionSchema = z.object({
  profileId: z.string().min(1),
  approve: z.preprocess((v) => v === true || v === "true" || v === "1", z.boolean()),
  decidedOn: isoDate,
  note: optionalText(200),
});
