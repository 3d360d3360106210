import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { decode } from "next-auth/jwt";
import { can, type Actor, type Permission } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { writeAudit } from "@/lib/audit/log";
import { mfaEnrolmentPending, resolveSession, type SessionOwner, type SessionState } from "@/lib/auth/sessions";
import { clientIp, requestIdOf } from "@/lib/auth/request-info";
import { safeRedirectPath } from "@/lib/auth/redirect";

/** Under https the session cookie is `__Host-` (Secure, Path=/, no Domain): no subdomain can set it. */
export const SECURE_COOKIES = (env.NEXTAUTH_URL ?? "").startsWith("https://");
export const SESSION_COOKIE = SECURE_COOKIES ? "__Host-next-auth.session-token" : "next-auth.session-token";
/** Every name a session cookie of ours may carry (signing out clears them all). */
export const SESSION_COOKIES = [SESSION_COOKIE] as const;

/** Request headers proxy.ts sets for server components (it overwrites whatever a client sent). */
export const PATH_HEADER = "x-jingxin-path";
const METHOD_HEADER = "x-jingxin-method";

// Decoding a next-auth JWT derives its key (HKDF) and decrypts it: a fifth of the no-work route's
// CPU (issue 13's profile). The same token always decodes to the same claims, so genuine tokens are
// remembered until their own expiry; whether the session still holds is decided on every request
// by resolveSession, not here.
const decoded = new Map<string, { sid: string; exp: number }>();
const DECODED_MAX = 10_000;

/** The session id carried by the request's next-auth cookie, if its JWT is genuine. */
export async function readSessionId(): Promise<string | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const now = Date.now() / 1000;
  const known = decoded.get(token);
  if (known && known.exp > now) return known.sid;
  try {
    const payload = await decode({ token, secret: env.NEXTAUTH_SECRET });
    if (!payload || typeof payload.sid !== "string") return null;
    const exp = typeof payload.exp === "number" ? payload.exp : now + 60;
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, { sid: payload.sid, exp });
    return payload.sid;
  } catch {
    return null;
  }
}

/** Address, request id and path of the current request (set by server.mjs and proxy.ts). */
export const getRequestContext = cache(async () => {
  const h = await headers();
  return { ip: clientIp(h), requestId: requestIdOf(h), path: h.get(PATH_HEADER), method: h.get(METHOD_HEADER) };
});

// React's cache() memoises only while React renders (pages, layouts); route handlers call these
// outside it. The request's headers object is one per request in both, so it keys the memo.
const statePerRequest = new WeakMap<object, Promise<SessionState>>();

/** Resolved once per request, from the database (pages and route handlers alike). */
export async function getSessionState(): Promise<SessionState> {
  const h = await headers();
  let state = statePerRequest.get(h);
  if (!state) {
    state = (async () => {
      const sid = await readSessionId();
      if (!sid) return { ok: false, reason: "MISSING" } as const;
      const { ip, requestId } = await getRequestContext();
      return resolveSession(sid, { ip, requestId });
    })();
    statePerRequest.set(h, state);
  }
  return state;
}

export async function getActor(): Promise<Actor | null> {
  const s = await getSessionState();
  return s.ok ? s.actor : null;
}

// ---- refusals at the edge, each audited once (API.md: every 401 with a known session, every 403)

const audited = new WeakSet<object>();
const refusalsPerRequest = new WeakMap<object, Set<string>>();

/** Whether this error's refusal was already written to the audit log. */
export const refusalAudited = (e: unknown) => typeof e === "object" && e !== null && audited.has(e);

/**
 * Audits a refused request of a known user (outcome DENIED, with the path). Once per request and
 * refusal; an audit failure is logged, never turned into a different answer.
 */
export async function auditRefusal(
  who: Pick<Actor, "id" | "badgeNo" | "name"> & { ip?: string | null; requestId?: string | null },
  refusal: { status: 401 | 403; code: string; reason?: string; method?: string; path?: string | null },
  error?: object,
): Promise<void> {
  if (error) audited.add(error);
  const ctx = await getRequestContext();
  // the path without its query (a search may hold a name), and the method: "GET /admin/users"
  const path = (refusal.path ?? ctx.path ?? "").split("?")[0]!.slice(0, 300);
  const method = (refusal.method ?? ctx.method ?? "").slice(0, 10);
  const key = `${refusal.status}:${refusal.code}:${path}`;
  const h = await headers();
  const seen = refusalsPerRequest.get(h) ?? new Set<string>();
  refusalsPerRequest.set(h, seen);
  if (seen.has(key)) return;
  seen.add(key);
  try {
    await writeAudit(db, {
      actor: who,
      action: refusal.status === 401 ? "access.unauthenticated" : "access.denied",
      outcome: "DENIED",
      targetType: "Route",
      target: method ? `${method} ${path}` : path,
      details: { status: refusal.status, code: refusal.code, ...(refusal.reason ? { reason: refusal.reason } : {}) },
    });
  } catch (e) {
    logger.error("could not audit a refused request", e);
  }
}

async function refuse(who: SessionOwner | Actor, status: 401 | 403, error: AppError, reason?: string): Promise<never> {
  await auditRefusal(who, { status, code: error.code, reason }, error);
  throw error;
}

type Gate = { allowPasswordChange?: boolean; allowMfaEnrolment?: boolean };

/**
 * For API routes and server actions: throws 401 / 403 AppErrors (audited). A forced password
 * change and a pending second-factor enrolment each allow only the calls that resolve them.
 */
export async function requireActor(opts: Gate = {}): Promise<Actor> {
  const s = await getSessionState();
  if (!s.ok) {
    const error = new AppError("UNAUTHENTICATED", "请先登录");
    if (s.owner) await refuse(s.owner, 401, error, s.reason);
    throw error;
  }
  if (s.mustChangePassword && !opts.allowPasswordChange) {
    const message = s.passwordExpired ? "密码已超过有效期，请先修改密码" : "首次登录或密码被重置，请先修改密码";
    await refuse(s.actor, 403, new AppError("PASSWORD_CHANGE_REQUIRED", message));
  }
  if (mfaEnrolmentPending(s) && !opts.allowMfaEnrolment) {
    await refuse(s.actor, 403, new AppError("MFA_ENROLMENT_REQUIRED", "您的账户须启用双因素认证：请先在“双因素认证”页面完成设置"));
  }
  return s.actor;
}

export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission)) await refuse(actor, 403, new AppError("FORBIDDEN", "没有权限执行此操作"), permission);
  return actor;
}

/**
 * For pages: a signed-out visit goes to sign-in and comes back to exactly this URL (path and
 * query, from proxy.ts); a forced password change or a pending second-factor enrolment leads
 * to its page; the 403 page when not allowed. Refusals of a known user are audited.
 */
export async function requireUser(opts: Gate & { next?: string } = {}): Promise<Actor> {
  const s = await getSessionState();
  if (!s.ok) {
    if (s.owner) await auditRefusal(s.owner, { status: 401, code: "UNAUTHENTICATED", reason: s.reason });
    const next = (await getRequestContext()).path ?? opts.next;
    if (next) redirect(`/login?next=${encodeURIComponent(safeRedirectPath(next))}`);
    unauthorized();
  }
  if (s.mustChangePassword && !opts.allowPasswordChange) redirect(`/account/password?forced=${s.passwordExpired ? "expired" : "1"}`);
  if (mfaEnrolmentPending(s) && !opts.allowMfaEnrolment) redirect("/account/mfa");
  return s.actor;
}

export async function requirePagePermission(permission: Permission, next?: string): Promise<Actor> {
  const actor = await requireUser({ next });
  if (!can(actor, permission)) {
    await auditRefusal(actor, { status: 403, code: "FORBIDDEN", reason: permission });
    forbidden();
  }
  return actor;
}
