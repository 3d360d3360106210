import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { auditActionLabel, auditOutcomeLabel } from "@/lib/audit/labels";
import { streamCsv, streamXlsx, type Column } from "@/lib/export";
import { shanghaiDayRange, startOfShanghaiDay, toIsoShanghai } from "@/lib/time";
import { Prisma } from "@/lib/generated/prisma/client";

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A bare date is a Shanghai calendar day: "from" is its start, "to" includes the whole day.
const dateTime = (endOfDay: boolean) =>
  z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), "时间格式不正确")
    .transform((v) => (BARE_DATE.test(v) ? (endOfDay ? shanghaiDayRange(v).end : startOfShanghaiDay(v)) : new Date(v)));
const optional = <S extends z.ZodType>(s: S) => s.optional().or(z.literal("").transform(() => undefined));
// a keyset position: "<at in epoch ms>_<seq>" of the last (or first) entry of a page
const keyCursor = optional(
  z
    .string()
    .trim()
    .regex(/^\d{1,15}_\d{1,18}$/, "翻页参数不正确")
    .transform((v) => {
      const [ms, seq] = v.split("_");
      return { at: new Date(Number(ms)), seq: BigInt(seq!) };
    }),
);
type Key = { at: Date; seq: bigint | null };
// committed entries always have a seq (the page never sees one mid-transaction)
const cursorOf = (r: Key) => `${r.at.getTime()}_${r.seq ?? 0n}`;

/** Entries counted at most: beyond it the page says "more than …" instead of an exact number. */
export const AUDIT_COUNT_CAP = 1000;
/** Without a cursor, `page` is still honoured for old clients, but only this deep (OFFSET cost). */
export const AUDIT_OFFSET_LIMIT = 2000;

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
  outcome: optional(z.enum(["SUCCESS", "FAILURE", "DENIED"])),
  from: optional(dateTime(false)),
  to: optional(dateTime(true)),
  /** keyset: entries older than this chain position (the previous page's nextCursor) */
  cursor: keyCursor,
  /** keyset backwards: entries newer than this position (the page's prevCursor) */
  before: keyCursor,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export type AuditEntryDto = {
  id: string;
  seq: string;
  at: string;
  actor: { badgeNo: string | null; name: string | null; roles: string[] } | null;
  action: string;
  actionLabel: string;
  target: string | null;
  targetType: string | null;
  ip: string | null;
  outcome: string;
  outcomeLabel: string;
  requestId: string | null;
  details: unknown;
};

export type AuditPage = {
  items: AuditEntryDto[];
  /** exact up to AUDIT_COUNT_CAP; `totalCapped` says there are more */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** pass as `cursor` for the next (older) page; null on the last page */
  nextCursor: string | null;
  /** pass as `before` for the previous (newer) page; null on the newest page */
  prevCursor: string | null;
};

type Row = {
  id: bigint;
  seq: bigint | null;
  at: Date;
  actorBadgeNo: string | null;
  actorName: string | null;
  actorRoles: string[];
  action: string;
  targetType: string | null;
  target: string | null;
  ip: string | null;
  outcome: string;
  requestId: string | null;
  details: unknown;
};

const likePrefix = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`) + "%";

/** The filters as SQL; each one has an index that serves "newest first by (at, seq)" (schema). */
export function auditFilterSql(q: Pick<AuditQuery, "actor" | "action" | "outcome" | "from" | "to">): Prisma.Sql {
  const c: Prisma.Sql[] = [];
  if (q.actor) c.push(Prisma.sql`"actorBadgeNo" = ${q.actor.toUpperCase()}`);
  if (q.action) c.push(Prisma.sql`"action" LIKE ${likePrefix(q.action)}`);
  if (q.outcome) c.push(Prisma.sql`"outcome" = ${q.outcome}::"AuditOutcome"`);
  if (q.from) c.push(Prisma.sql`"at" >= ${q.from}::timestamptz`);
  if (q.to) c.push(Prisma.sql`"at" < ${q.to}::timestamptz`);
  return c.length ? Prisma.join(c, " AND ") : Prisma.sql`TRUE`;
}

const COLUMNS = Prisma.sql`id, seq, at, "actorBadgeNo", "actorName", "actorRoles", action, "targetType", target, ip, outcome::text AS outcome, "requestId", details`;

/**
 * The page query: newest first by (at, seq), keyset on both (never OFFSET for cursor pages), so a
 * time range reads from its own end of the index; one row more than the page to
 * know whether another follows. Exported for the scale measurement (tests/integration/audit).
 */
export function auditPageSql(q: AuditQuery): Prisma.Sql {
  const where = auditFilterSql(q);
  const take = q.pageSize + 1;
  if (q.before !== undefined) {
    const { at, seq } = q.before;
    return Prisma.sql`SELECT * FROM (SELECT ${COLUMNS} FROM "AuditLog" WHERE ${where} AND ("at", seq) > (${at}::timestamptz, ${seq}) ORDER BY "at" ASC, seq ASC LIMIT ${take}) t ORDER BY "at" DESC, seq DESC`;
  }
  if (q.cursor !== undefined) {
    const { at, seq } = q.cursor;
    return Prisma.sql`SELECT ${COLUMNS} FROM "AuditLog" WHERE ${where} AND ("at", seq) < (${at}::timestamptz, ${seq}) ORDER BY "at" DESC, seq DESC LIMIT ${take}`;
  }
  const offset = (q.page - 1) * q.pageSize;
  return Prisma.sql`SELECT ${COLUMNS} FROM "AuditLog" WHERE ${where} ORDER BY "at" DESC, seq DESC LIMIT ${take} OFFSET ${offset}`;
}

/** The capped count: reads at most AUDIT_COUNT_CAP + 1 index entries, whatever the log's size. */
export function auditCountSql(q: AuditQuery): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "AuditLog" WHERE ${auditFilterSql(q)} LIMIT ${AUDIT_COUNT_CAP + 1}) t`;
}

function toDto(r: Row): AuditEntryDto {
  return {
    id: r.id.toString(),
    seq: r.seq?.toString() ?? "",
    at: toIsoShanghai(r.at),
    actor: r.actorBadgeNo || r.actorName ? { badgeNo: r.actorBadgeNo, name: r.actorName, roles: r.actorRoles } : null,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    target: r.target,
    targetType: r.targetType,
    ip: r.ip,
    outcome: r.outcome,
    outcomeLabel: auditOutcomeLabel(r.outcome),
    requestId: r.requestId,
    details: r.details,
  };
}

function filtersOf(q: AuditQuery) {
  return { actor: q.actor, action: q.action, outcome: q.outcome, from: q.from?.toISOString(), to: q.to?.toISOString() };
}

/**
 * AUDIT_ADMIN only: search by actor badge number, action prefix, outcome and time range, newest
 * first, one keyset page at a time. Reading the log is itself audited ("audit.list").
 */
export async function searchAudit(actor: Actor, query: unknown): Promise<AuditPage> {
  assertCan(actor, "audit.view");
  const q = parseInput(auditQuerySchema, query);
  if (q.cursor === undefined && q.before === undefined && (q.page - 1) * q.pageSize > AUDIT_OFFSET_LIMIT) {
    throw validationFailed({ page: `页码过大：超过 ${AUDIT_OFFSET_LIMIT} 条请用 cursor 翻页（nextCursor）` });
  }
  const [rows, counted] = await Promise.all([db.$queryRaw<Row[]>(auditPageSql(q)), db.$queryRaw<{ n: number }[]>(auditCountSql(q))]);
  const more = rows.length > q.pageSize;
  const kept = q.before !== undefined ? (more ? rows.slice(1) : rows) : rows.slice(0, q.pageSize);
  const items = kept.map(toDto);
  const n = counted[0]?.n ?? 0;
  const isNewest = q.before !== undefined ? !more : q.cursor === undefined && q.page === 1;
  const hasOlder = q.before !== undefined ? items.length > 0 : more;
  await writeAudit(db, {
    actor,
    action: "audit.list",
    details: { filters: filtersOf(q), cursor: q.cursor || q.before ? cursorOf((q.cursor ?? q.before)!) : null, rows: items.length },
  });
  return {
    items,
    total: Math.min(n, AUDIT_COUNT_CAP),
    totalCapped: n > AUDIT_COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
    nextCursor: hasOlder && kept.length ? cursorOf(kept[kept.length - 1]!) : null,
    prevCursor: !isNewest && kept.length ? cursorOf(kept[0]!) : null,
  };
}

// Column order as before the keyset change (编号, 时间, 警号 …), new columns after.
const EXPORT_COLUMNS: Column<Row>[] = [
  { header: "编号", value: (r) => r.id.toString(), kind: "text" },
  { header: "时间", value: (r) => r.at, kind: "datetime", width: 18 },
  { header: "警号", value: (r) => r.actorBadgeNo, kind: "text" },
  { header: "姓名", value: (r) => r.actorName },
  { header: "操作", value: (r) => auditActionLabel(r.action), width: 20 },
  { header: "对象类型", value: (r) => r.targetType },
  { header: "对象", value: (r) => r.target, width: 20 },
  { header: "IP", value: (r) => r.ip, kind: "text" },
  { header: "结果", value: (r) => auditOutcomeLabel(r.outcome) },
  { header: "详情", value: (r) => (r.details ? JSON.stringify(r.details) : ""), width: 40 },
  { header: "操作代码", value: (r) => r.action, width: 24 },
  { header: "角色", value: (r) => r.actorRoles.join(" ") },
  { header: "请求编号", value: (r) => r.requestId, kind: "text" },
  { header: "链序号", value: (r) => r.seq?.toString() ?? "", kind: "text" },
];

async function* exportBatches(q: AuditQuery, batchSize: number): AsyncGenerator<Row[]> {
  let cursor: { at: Date; seq: bigint } | undefined;
  for (;;) {
    const rows = await db.$queryRaw<Row[]>(auditPageSql({ ...q, cursor, before: undefined, pageSize: batchSize - 1 }));
    if (!rows.length) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.at, seq: last.seq ?? 0n };
  }
}

/**
 * The matching entries, newest first, as a CSV or .xlsx streamed in keyset batches of 1,000,
 * so an export of a year's log never holds it all in memory. The export itself is audited.
 */
export async function exportAudit(actor: Actor, query: unknown, format: "csv" | "xlsx" = "csv"): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "audit.view");
  const q = parseInput(auditQuerySchema, { ...(query as object), page: 1, pageSize: 100 });
  await writeAudit(db, { actor, action: "audit.export", details: { filters: filtersOf(q), format } });
  const batches = exportBatches(q, 1000);
  return format === "xlsx" ? streamXlsx(batches, EXPORT_COLUMNS, "审计日志") : streamCsv(batches, EXPORT_COLUMNS);
}
