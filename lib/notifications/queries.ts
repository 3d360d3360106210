import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toIsoShanghai } from "@/lib/time";
import { pageSchema, parseInput, type Paged } from "@/lib/validation";

export type NotificationDto = {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** the same notice in English; "" when it was written in Chinese only */
  titleEn: string;
  bodyEn: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

const select = {
  id: true,
  kind: true,
  title: true,
  body: true,
  titleEn: true,
  bodyEn: true,
  link: true,
  readAt: true,
  createdAt: true,
} as const;

export const listNotificationsSchema = pageSchema.extend({
  unread: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

/** Only ever the actor's own notifications, newest first. */
export async function listMyNotifications(actor: Actor, take = 50): Promise<NotificationDto[]> {
  return db.notification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take, select });
}

/** GET /api/v1/notifications: my notices as a page; `unread=true` keeps the unread ones only. */
export async function listNotifications(actor: Actor, raw: unknown): Promise<Paged<NotificationDto>> {
  const q = parseInput(listNotificationsSchema, raw);
  const where = { userId: actor.id, ...(q.unread ? { readAt: null } : {}) };
  const [items, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select,
    }),
    db.notification.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * The shell's bell on every page: my newest unread notices and how many are unread, in ONE raw
 * query (the count is a window over the same rows, taken before the limit). Two Prisma queries
 * here cost more than most of a page's own data (issue 13's profile).
 */
export async function myUnreadBell(actor: Actor, take = 5): Promise<{ total: number; items: NotificationDto[] }> {
  const rows = await db.$queryRaw<(NotificationDto & { total: bigint })[]>`
    SELECT id, kind, title, body, "titleEn", "bodyEn", link, "readAt", "createdAt", count(*) OVER () AS total
    FROM "Notification" WHERE "userId" = ${actor.id} AND "readAt" IS NULL
    ORDER BY "createdAt" DESC, id DESC LIMIT ${take}`;
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      titleEn: r.titleEn,
      bodyEn: r.bodyEn,
      link: r.link,
      readAt: r.readAt,
      createdAt: r.createdAt,
    })),
  };
}

export function countMyUnread(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

/**
 * Marks one of my notices read (idempotent: a notice read before keeps its first readAt).
 * Someone else's notice is NOT_FOUND, so its existence does not leak.
 */
export async function markNotificationRead(actor: Actor, id: string, now = new Date()): Promise<NotificationDto> {
  await db.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: now } });
  const n = await db.notification.findFirst({ where: { id, userId: actor.id }, select });
  if (!n) throw notFound("通知");
  return n;
}

/** Marks every unread notice of mine read; returns how many changed. */
export async function markAllMyNotificationsRead(actor: Actor, now = new Date()): Promise<number> {
  const r = await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: now } });
  return r.count;
}

/** The JSON shape of API.md (`title`/`body` in Chinese as ever; the English text beside them). */
export function notificationJson(n: NotificationDto) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    titleEn: n.titleEn || null,
    bodyEn: n.bodyEn || null,
    link: n.link,
    read: n.readAt !== null,
    readAt: n.readAt ? toIsoShanghai(n.readAt) : null,
    createdAt: toIsoShanghai(n.createdAt),
  };
}

/**
 * Notify users, inside the caller's transaction so a notice exists exactly when its change does.
 * kind is a dotted code ("training.promoted"); title/body are Chinese (zh-CN), titleEn/bodyEn
 * the English text for readers who chose English (optional: they fall back to the Chinese).
 */
export async function notify(
  tx: Tx | typeof db,
  userIds: string[],
  n: { kind: string; title: string; body: string; titleEn?: string; bodyEn?: string; link?: string | null },
): Promise<void> {
  if (!userIds.length) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      titleEn: n.titleEn ?? "",
      bodyEn: n.bodyEn ?? "",
      link: n.link ?? null,
    })),
  });
}
