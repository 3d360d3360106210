import "server-only";
import type { Actor, Role } from "@/lib/access";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { getSecurityPolicy, mfaRequiredFor, passwordExpired } from "@/lib/auth/policy";
import { cacheGeneration, cachedSession, forgetSession, rememberSession } from "@/lib/auth/session-cache";

/** Who a refused session belonged to, so the refusal can be audited against them. */
export type SessionOwner = {
  id: string;
  badgeNo: string;
  name: string;
  roles?: readonly Role[];
  ip?: string | null;
  requestId?: string | null;
};

export type SessionState =
  | {
      ok: true;
      actor: Actor;
      /** First sign-in, a reset, or a password past the policy's maximum age. */
      mustChangePassword: boolean;
      passwordExpired: boolean;
      mfa: { required: boolean; enrolled: boolean };
    }
  | { ok: false; reason: "MISSING" | "REVOKED" | "EXPIRED" | "IDLE" | "DISABLED"; owner?: SessionOwner };

/** A signed-in session that may only enrol its second factor (and change its password). */
export const mfaEnrolmentPending = (s: SessionState) => s.ok && s.mfa.required && !s.mfa.enrolled;

// lastSeenAt is written at most once a minute per session: the idle time-out needs minutes,
// not milliseconds, and a write on every request would double the cost of reads.
const TOUCH_EVERY_MS = 60_000;

const SESSION_SELECT = {
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
      credential: { select: { mustChange: true, changedAt: true, totpEnrolledAt: true } },
    },
  },
} as const;

type SessionRow = NonNullable<Awaited<ReturnType<typeof querySession>>>;
const querySession = (sessionId: string) => db.authSession.findUnique({ where: { id: sessionId }, select: SESSION_SELECT });

/** The session row from the database, kept in the session cache unless a change raced the read. */
async function readSession(sessionId: string): Promise<SessionRow | null> {
  const generation = cacheGeneration();
  const row = await querySession(sessionId);
  if (row) rememberSession(sessionId, row.user.id, row, generation);
  return row;
}

type RequestContext = { ip?: string | null; requestId?: string | null };

/**
 * The truth about a session, from the database or the session cache (which the database empties
 * on every change, lib/auth/session-cache.ts) on every request: revoked, idle or
 * absolute time-out, disabled account, current roles and unit, whether the password must be
 * changed and whether the second factor is required and enrolled.
 */
export async function resolveSession(sessionId: string, ctx: RequestContext | string | null = {}): Promise<SessionState> {
  const { ip = null, requestId = null } = typeof ctx === "string" || ctx === null ? { ip: ctx } : ctx;
  const row = (await cachedSession<SessionRow>(sessionId)) ?? (await readSession(sessionId));
  if (!row) return { ok: false, reason: "MISSING" };
  const owner: SessionOwner = {
    id: row.user.id,
    badgeNo: row.user.badgeNo,
    name: row.user.name,
    roles: row.user.roles as Role[],
    ip,
    requestId,
  };
  if (row.revokedAt) return { ok: false, reason: "REVOKED", owner };
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) return { ok: false, reason: "EXPIRED", owner };
  const policy = await getSecurityPolicy();
  if (now - row.lastSeenAt.getTime() > policy.idleTimeoutMinutes * 60_000) return { ok: false, reason: "IDLE", owner };
  if (!row.user.active) return { ok: false, reason: "DISABLED", owner };
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
  }
  const u = row.user;
  const expired = !!u.credential && passwordExpired(u.credential.changedAt, policy, now);
  return {
    ok: true,
    mustChangePassword: (u.credential?.mustChange ?? false) || expired,
    passwordExpired: expired,
    mfa: { required: mfaRequiredFor(u.roles, policy), enrolled: !!u.credential?.totpEnrolledAt },
    actor: {
      id: u.id,
      badgeNo: u.badgeNo,
      name: u.name,
      roles: u.roles as Role[],
      unitId: u.unit.id,
      unitPath: u.unit.path,
      unitName: u.unit.name,
      ip,
      requestId,
    },
  };
}

/**
 * Ends a session; the sign-out is audited against the session's owner (with the request's
 * address and id when given), whoever asked.
 */
export async function revokeSession(
  sessionId: string,
  actor: Actor | SessionOwner | null,
  reason = "sign_out",
  ctx: RequestContext = {},
): Promise<void> {
  const res = await db.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  forgetSession(sessionId);
  if (!res.count) return;
  const who =
    actor ??
    (await db.authSession
      .findUnique({ where: { id: sessionId }, select: { user: { select: { id: true, badgeNo: true, name: true, roles: true } } } })
      .then((s) => (s ? { ...s.user, roles: s.user.roles as Role[], ip: ctx.ip ?? null, requestId: ctx.requestId ?? null } : null)));
  await writeAudit(db, {
    actor: who,
    ip: ctx.ip ?? null,
    action: "auth.sign_out",
    targetType: "AuthSession",
    targetId: sessionId,
    target: who?.badgeNo,
    details: { reason },
  });
}
