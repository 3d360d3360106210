import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { DAY_MS } from "@/lib/time";

// Retention of what only needs keeping for a while (run daily by lib/jobs.ts). Audit rows are not
// pruned here: lib/audit owns that rule (never younger than 180 days) and its pruneAuditLog.
/** An ended sign-in stays this long for the security administrator's session views. */
export const SESSION_KEEP_DAYS = 30;
/** A notification the officer has read is kept this long in their list. */
export const READ_NOTIFICATION_KEEP_DAYS = 180;

/** Delete sign-in sessions that expired or were revoked more than SESSION_KEEP_DAYS ago. */
export async function pruneAuthSessions(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - SESSION_KEEP_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    const { count } = await tx.authSession.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] } });
    if (count) await writeAudit(tx, { actor: null, action: "retention.sessions.prune", details: { count, before: before.toISOString() } });
    return count;
  });
}

/** Delete notifications read more than READ_NOTIFICATION_KEEP_DAYS ago; unread ones stay. */
export async function pruneReadNotifications(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - READ_NOTIFICATION_KEEP_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.deleteMany({ where: { readAt: { lt: before } } });
    if (count)
      await writeAudit(tx, { actor: null, action: "retention.notifications.prune", details: { count, before: before.toISOString() } });
    return count;
  });
}
