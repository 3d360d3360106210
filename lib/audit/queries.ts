import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { parseInput, type Paged } from "@/lib/validation";
import { writeAudit } from "@/lib/audit/log";
import { csvLine } from "@/lib/export";
import { formatShanghai, toIsoShanghai } from "@/lib/time";
import type { Prisma } from "@/lib/generated/prisma/client";

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A bare date is a Shanghai calendar day: "from" is its start, "to" includes the whole day.
const dateTime = (endOfDay: boolean) =>
  z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), "时间格式不正确")
    .transform((v) => (BARE_DATE.test(v) ? new Date(Date.parse(`${v}T00:00:00+08:00`) + (endOfDay ? 86_400_000 : 0)) : new Date(v)));

export const auditQuerySchema = z.object({
  actor: z
    .string()
    .trim()
    .max(32)
    .optional()
    .transform((v) => v || undefined),
  action: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  outcome: z
    .enum(["SUCCESS", "FAILURE", "DENIED"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  from: dateTime(false)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  to: dateTime(true)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type AuditEntryDto = {
  id: string;
  at: string;
  actor: { badgeNo: string | null; name: string | null } | null;
  action: string;
  target: string | null;
  targetType: string | null;
  ip: string | null;
  outcome: string;
  details: unknown;
};

function whereOf(q: z.infer<typeof auditQuerySchema>): Prisma.AuditLogWhereInput {
  const to = q.to;
  return {
    ...(q.actor ? { actorBadgeNo: q.actor.toUpperCase() } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.outcome ? { outcome: q.outcome } : {}),
    ...(q.from || to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

type Row = Prisma.AuditLogGetPayload<object>;
function toDto(r: Row): AuditEntryDto {
  return {
    id: r.id.toString(),
    at: toIsoShanghai(r.at),
    actor: r.actorBadgeNo || r.actorName ? { badgeNo: r.actorBadgeNo, name: r.actorName } : null,
    action: r.action,
    target: r.target,
    targetType: r.targetType,
    ip: r.ip,
    outcome: r.outcome,
    details: r.details,
  };
}

/** AUDIT_ADMIN only: search by actor badge number, action prefix, outcome and time range. */
export async function searchAudit(actor: Actor, query: unknown): Promise<Paged<AuditEntryDto>> {
  assertCan(actor, "audit.view");
  const q = parseInput(auditQuerySchema, query);
  const where = whereOf(q);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

/**
 * The matching entries as CSV, streamed in batches of 1,000 (keyset on id), so an export of a
 * year's log never holds it all in memory. The export itself is audited.
 */
export async function exportAuditCsv(actor: Actor, query: unknown): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "audit.view");
  const q = parseInput(auditQuerySchema, { ...(query as object), page: 1, pageSize: 100 });
  const where = whereOf(q);
  await writeAudit(db, {
    actor,
    action: "audit.export",
    details: { filters: { actor: q.actor, action: q.action, outcome: q.outcome, from: q.from?.toISOString(), to: q.to?.toISOString() } },
  });
  const enc = new TextEncoder();
  let cursor: bigint | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(
          enc.encode("\uFEFF" + csvLine(["编号", "时间", "警号", "姓名", "操作", "对象类型", "对象", "IP", "结果", "详情"])),
        );
      }
      const rows: Row[] = await db.auditLog.findMany({
        where: { AND: [where, cursor ? { id: { lt: cursor } } : {}] },
        orderBy: { id: "desc" },
        take: 1000,
      });
      if (!rows.length) return controller.close();
      cursor = rows[rows.length - 1]!.id;
      controller.enqueue(
        enc.encode(
          rows
            .map((r) =>
              csvLine([
                r.id.toString(),
                formatShanghai(r.at),
                r.actorBadgeNo,
                r.actorName,
                r.action,
                r.targetType,
                r.target,
                r.ip,
                r.outcome,
                r.details ? JSON.stringify(r.details) : "",
              ]),
            )
            .join(""),
        ),
      );
    },
  });
}
