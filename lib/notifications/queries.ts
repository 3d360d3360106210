import "server-only";
import type { Actor } from "@/lib/access";
import { db, type Tx } from "@/lib/db";

export type NotificationDto = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

/** Only ever the actor's own notifications. */
export async function listMyNotifications(actor: Actor, take = 50): Promise<NotificationDto[]> {
  return db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

export function countMyUnread(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function markAllMyNotificationsRead(actor: Actor): Promise<void> {
  await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
}

/**
 * Notify users, inside the caller's transaction so a notice exists exactly when its change does.
 * kind is a dotted code ("training.promoted"); title/body are already in the reader's language (zh-CN).
 */
export async function notify(
  tx: Tx | typeof db,
  userIds: string[],
  n: { kind: string; title: string; body: string; link?: string | null },
): Promise<void> {
  if (!userIds.length) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null })),
  });
}
