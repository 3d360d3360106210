import { apiRoute, readJson, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { exportRoster } from "@/lib/benefits/exports";
import { rosterQuerySchema } from "@/lib/benefits/schemas";

const rosterFilters = (q: Record<string, unknown>) => parseInput(rosterQuerySchema, { ...q, page: 1, pageSize: 100 });
const formatOf = (f: unknown) => (f === "csv" ? "csv" : "xlsx");

// ?format=xlsx|csv plus the roster filters: ID numbers masked.
export const GET = apiRoute(
  async ({ req, actor }) => {
    const q = readQuery(req);
    if (q.full === "1")
      throw new AppError("STEP_UP_REQUIRED", "导出完整身份证号须填写事由并再次验证身份：请使用 POST（花名册页面的“导出完整身份证号”）");
    const format = formatOf(q.format);
    return fileResponse((await exportRoster(actor, rosterFilters(q), format, false)) as BodyInit, `辅警花名册.${format}`, format);
  },
  { permission: "benefits.manage" },
);

// Full ID numbers: body {format, reason, password, otp?, …filters}; step-up, rate-limited, audited.
export const POST = apiRoute(
  async ({ req, actor }) => {
    const body = ((await readJson(req)) ?? {}) as Record<string, unknown>;
    const { format: f, reason, password, otp, ...filters } = body;
    const format = formatOf(f);
    const file = await exportRoster(actor, rosterFilters(filters), format, {
      reason: String(reason ?? ""),
      password: String(password ?? ""),
      otp: otp === undefined || otp === null ? undefined : String(otp),
    });
    return fileResponse(file as BodyInit, `辅警花名册-完整身份证号.${format}`, format);
  },
  { permission: "benefits.manage" },
);
