import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { decode } from "next-auth/jwt";
import { can, type Actor, type Permission } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { resolveSession, type SessionState } from "@/lib/auth/sessions";
import { clientIp } from "@/lib/auth/request-info";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The session id carried by the request's next-auth cookie, if its JWT is genuine. */
export async function readSessionId(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: env.NEXTAUTH_SECRET });
      if (payload && typeof payload.sid === "string") return payload.sid;
    } catch {
      return null;
    }
  }
  return null;
}

/** Resolved once per request (React cache), from the database. */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const sid = await readSessionId();
  if (!sid) return { ok: false, reason: "MISSING" };
  return resolveSession(sid, clientIp(await headers()));
});

export async function getActor(): Promise<Actor | null> {
  const s = await getSessionState();
  return s.ok ? s.actor : null;
}

/** For API routes and server actions: throws 401 / 403 AppErrors. */
export async function requireActor(opts: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const s = await getSessionState();
  if (!s.ok) throw new AppError("UNAUTHENTICATED", "请先登录");
  if (s.mustChangePassword && !opts.allowPasswordChange) {
    throw new AppError("PASSWORD_CHANGE_REQUIRED", "首次登录或密码被重置，请先修改密码");
  }
  return s.actor;
}

export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "没有权限执行此操作");
  return actor;
}

/** For pages: redirects to sign-in or the forced password change, 403 page when not allowed. */
export async function requireUser(opts: { allowPasswordChange?: boolean; next?: string } = {}): Promise<Actor> {
  const s = await getSessionState();
  if (!s.ok) {
    if (opts.next) redirect(`/login?next=${encodeURIComponent(opts.next)}`);
    unauthorized();
  }
  if (s.mustChangePassword && !opts.allowPasswordChange) redirect("/account/password?forced=1");
  return s.actor;
}

export async function requireRole(permission: Permission, next?: string): Promise<Actor> {
  const actor = await requireUser({ next });
  if (!can(actor, permission)) forbidden();
  return actor;
}
