import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, isUniqueViolation, notFound, validationFailed } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

// The lecturer registry (Moodle Face-to-face "facilitators", Frappe "training program"):
// internal lecturers (an account of the bureau) and outside experts with their affiliation and
// topics, so the office picks lecturers for a session instead of typing 姓名|单位|警号, and sees
// each one's sessions and average rating.

export type LecturerKind = "INTERNAL" | "EXTERNAL";
export type LecturerDto = {
  id: string;
  kind: LecturerKind;
  name: string;
  affiliation: string;
  title: string;
  topics: string[];
  userId: string | null;
  badgeNo: string | null;
  active: boolean;
  sessions: number;
  ratings: number;
  average: number | null;
};

const topicsField = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) =>
    [
      ...new Set(
        (Array.isArray(v) ? v : (v ?? "").split(/[,，、;；\n]/))
          .map((t) => t.trim())
          .filter(Boolean)
          .map((t) => t.slice(0, 20)),
      ),
    ].slice(0, 12),
  );

export const lecturerSchema = z
  .object({
    id: z.string().max(64).optional(),
    kind: z.enum(["INTERNAL", "EXTERNAL"]),
    /** internal: the lecturer's badge number; the name and unit come from the account */
    badgeNo: z.string().trim().max(20).optional(),
    name: z.string().trim().max(40).optional(),
    affiliation: z.string().trim().max(80).optional(),
    title: z.string().trim().max(40).optional().default(""),
    topics: topicsField,
    active: z
      .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
      .optional()
      .transform((v) => v === undefined || v === true || v === "on" || v === "true"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "INTERNAL" && !v.badgeNo) ctx.addIssue({ code: "custom", path: ["badgeNo"], message: "内部授课人请填写警号" });
    if (v.kind === "EXTERNAL" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "请填写姓名" });
    if (v.kind === "EXTERNAL" && !v.affiliation) ctx.addIssue({ code: "custom", path: ["affiliation"], message: "外请专家请填写所在单位" });
  });

export const listLecturersSchema = z.object({
  q: z.string().trim().max(40).optional(),
  topic: z.string().trim().max(20).optional(),
  kind: z.enum(["INTERNAL", "EXTERNAL", ""]).optional(),
  includeInactive: z.union([z.boolean(), z.enum(["true", "false", ""])]).optional(),
});

const select = {
  id: true,
  kind: true,
  name: true,
  affiliation: true,
  title: true,
  topics: true,
  userId: true,
  active: true,
  user: { select: { badgeNo: true } },
} as const;

type Row = Prisma.LecturerGetPayload<{ select: typeof select }>;

/** Sessions taught and ratings received: internal lecturers by account, outside experts by name and affiliation. */
async function teachingStats(rows: Row[]) {
  if (!rows.length) return new Map<string, { sessions: number; ratings: number; average: number | null }>();
  const stats = await db.$queryRaw<{ id: string; sessions: bigint; ratings: bigint; average: number | null }[]>`
    SELECT r.id, COUNT(DISTINCT s.id) AS sessions, COUNT(f.id) AS ratings, AVG(f.rating)::float AS average
    FROM "Lecturer" r
    JOIN "TrainingLecturer" l ON (r."userId" IS NOT NULL AND l."userId" = r."userId")
      OR (r."userId" IS NULL AND l."userId" IS NULL AND l.name = r.name AND COALESCE(l.affiliation, '') = r.affiliation)
    JOIN "TrainingSession" s ON s.id = l."sessionId" AND s.status IN ('PUBLISHED', 'COMPLETED')
    LEFT JOIN "TrainingFeedback" f ON f."sessionId" = s.id
    WHERE r.id IN (${Prisma.join(rows.map((r) => r.id))})
    GROUP BY r.id`;
  return new Map(stats.map((s) => [s.id, { sessions: Number(s.sessions), ratings: Number(s.ratings), average: s.average }]));
}

function toDto(r: Row, s?: { sessions: number; ratings: number; average: number | null }): LecturerDto {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    affiliation: r.affiliation,
    title: r.title,
    topics: r.topics,
    userId: r.userId,
    badgeNo: r.user?.badgeNo ?? null,
    active: r.active,
    sessions: s?.sessions ?? 0,
    ratings: s?.ratings ?? 0,
    average: s?.average ?? null,
  };
}

/** The registry for the training office: search by name, affiliation or topic. */
export async function listLecturers(actor: Actor, raw: unknown = {}): Promise<LecturerDto[]> {
  assertCan(actor, "training.manage");
  const q = parseInput(listLecturersSchema, raw);
  const and: Prisma.LecturerWhereInput[] = [];
  if (!(q.includeInactive === true || q.includeInactive === "true")) and.push({ active: true });
  if (q.kind) and.push({ kind: q.kind });
  if (q.topic) and.push({ topics: { has: q.topic } });
  if (q.q) and.push({ OR: [{ name: { contains: q.q } }, { affiliation: { contains: q.q } }, { topics: { has: q.q } }] });
  const rows = await db.lecturer.findMany({ where: { AND: and }, orderBy: [{ kind: "asc" }, { name: "asc" }], take: 500, select });
  const stats = await teachingStats(rows);
  return rows.map((r) => toDto(r, stats.get(r.id)));
}

/** Creates or updates a registry entry (audited). An internal lecturer is linked to one account. */
export async function saveLecturer(actor: Actor, raw: unknown): Promise<LecturerDto> {
  assertCan(actor, "training.manage");
  const d = parseInput(lecturerSchema, raw);
  let data: {
    kind: LecturerKind;
    name: string;
    affiliation: string;
    title: string;
    topics: string[];
    userId: string | null;
    active: boolean;
  };
  if (d.kind === "INTERNAL") {
    const u = await db.user.findUnique({
      where: { badgeNo: d.badgeNo!.toUpperCase() },
      select: { id: true, name: true, active: true, unit: { select: { name: true } } },
    });
    if (!u || !u.active) throw validationFailed({ badgeNo: "找不到该警号的在职人员" });
    data = { kind: "INTERNAL", name: u.name, affiliation: u.unit.name, title: d.title, topics: d.topics, userId: u.id, active: d.active };
  } else {
    data = {
      kind: "EXTERNAL",
      name: d.name!,
      affiliation: d.affiliation!,
      title: d.title,
      topics: d.topics,
      userId: null,
      active: d.active,
    };
  }
  try {
    return await db.$transaction(async (tx) => {
      if (d.id && !(await tx.lecturer.findUnique({ where: { id: d.id }, select: { id: true } }))) throw notFound("授课人");
      const row = d.id ? await tx.lecturer.update({ where: { id: d.id }, data, select }) : await tx.lecturer.create({ data, select });
      await writeAudit(tx, {
        actor,
        action: d.id ? "training.lecturer.update" : "training.lecturer.create",
        targetType: "Lecturer",
        targetId: row.id,
        target: row.name,
        details: { kind: row.kind, topics: row.topics, active: row.active },
      });
      return toDto(row);
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("LECTURER_EXISTS", "该授课人已在讲师库中", { fields: { badgeNo: "该授课人已在讲师库中" } });
    throw e;
  }
}

/**
 * The session form's picks from the registry as the session's lecturer entries (name,
 * affiliation, account), in the order given; unknown or inactive ids are refused.
 */
export async function lecturerEntries(
  actor: Actor,
  ids: string[],
): Promise<{ name: string; affiliation: string | null; userId: string | null }[]> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (!wanted.length) return [];
  assertCan(actor, "training.manage");
  const rows = await db.lecturer.findMany({
    where: { id: { in: wanted }, active: true },
    select: { id: true, name: true, affiliation: true, userId: true },
  });
  if (rows.length !== wanted.length) throw validationFailed({ lecturerIds: "所选授课人不存在或已停用" });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.map((id) => {
    const r = byId.get(id)!;
    return { name: r.name, affiliation: r.affiliation || null, userId: r.userId };
  });
}
