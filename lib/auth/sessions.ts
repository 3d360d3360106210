import "server-only";
import type { Actor, Role } from "@/lib/access";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { getSecurityPolicy } from "@/lib/auth/policy";

export type SessionState =
  { ok: true; actor: Actor; mustChangePassword: boolean } | { ok: false; reason: "MISSING" | "REVOKED" | "EXPIRED" | "IDLE" | "DISABLED" };

// lastSeenAt is written at most once a minute per session: the idle time-out needs minutes,
// not milliseconds, and a write on every request would double the cost of reads.
const TOUCH_EVERY_MS = 60_000;

/**
 * The truth about a session, read from the database on every request: revoked, idle or
 * absolute time-out, disabled account, current roles and unit.
 */
export async function resolveSession(sessionId: string, ip: string | null = null): Promise<SessionState> {
  const row = await db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          badgeNo: true,
          name: true,
          roles: true,
          active: true,
          unit: { select: { id: true, path: true, name: true } },
          credential: { select: { mustChange: true } },
        },
      },
    },
  });
  if (!row) return { ok: false, reason: "MISSING" };
  if (row.revokedAt) return { ok: false, reason: "REVOKED" };
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) return { ok: false, reason: "EXPIRED" };
  const policy = await getSecurityPolicy();
  if (now - row.lastSeenAt.getTime() > policy.idleTimeoutMinutes * 60_000) return { ok: false, reason: "IDLE" };
  if (!row.user.active) return { ok: false, reason: "DISABLED" };
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
  }
  const u = row.user;
  return {
    ok: true,
    mustChangePassword: u.credential?.mustChange ?? false,
    actor: {
      id: u.id,
      badgeNo: u.badgeNo,
      name: u.name,
      roles: u.roles as Role[],
      unitId: u.unit.id,
      unitPath: u.unit.path,
      unitName: u.unit.name,
      ip,
    },
  };
}

export async function revokeSession(sessionId: string, actor: Actor | null, reason = "sign_out"): Promise<void> {
  const res = await db.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (res.count && actor) {
    await writeAudit(db, { actor, action: "auth.sign_out", targetType: "AuthSession", targetId: sessionId, details: { reason } });
  }
}
