import "server-only";
import { SIGN_IN_ERRORS } from "@/lib/auth/options";
import { getRequestContext, getSessionState, readSessionId, SECURE_COOKIES, SESSION_COOKIES } from "@/lib/auth/current";
import { revokeSession } from "@/lib/auth/sessions";
import { assertSameOrigin, errorResponse } from "@/lib/http/api";

// Additions to next-auth's own answers (app/api/auth/[...nextauth]/route.ts).

const FAILURES: Record<string, { status: number; message: string }> = {
  [SIGN_IN_ERRORS.rateLimited]: { status: 429, message: "登录尝试过于频繁，请 15 分钟后再试" },
  [SIGN_IN_ERRORS.unavailable]: { status: 503, message: "服务暂不可用，请稍后再试" },
  INTERNAL: { status: 500, message: "服务暂不可用，请稍后再试" },
};

/** Sign-out also clears what the browser keeps for this site (cookies, storage). */
export const CLEAR_SITE_DATA = '"cookies", "storage"';

/**
 * The credentials callback: a rate-limited sign-in answers 429 RATE_LIMITED and an outage 503
 * UNAVAILABLE in the API's error shape (plus next-auth's `url`, so next-auth/react still reads
 * it); a browser form without script is sent back to the login page, which says why.
 */
export async function credentialsCallbackResponse(res: Response, json: boolean): Promise<Response> {
  let url = res.headers.get("location");
  if (!url && json)
    url =
      (
        (await res
          .clone()
          .json()
          .catch(() => null)) as { url?: string } | null
      )?.url ?? null;
  let code: string | null = null;
  try {
    code = url ? new URL(url, "http://x.invalid").searchParams.get("error") : null;
  } catch {}
  const failure = code ? FAILURES[code] : undefined;
  if (!failure || !code) return res;
  const headers = new Headers(res.headers);
  headers.delete("location");
  headers.set("cache-control", "no-store");
  if (!json) {
    headers.set("location", `/login?error=${code}`);
    return new Response(null, { status: 303, headers });
  }
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ error: { code, message: failure.message }, url }), { status: failure.status, headers });
}

export function signOutResponse(res: Response): Response {
  const out = new Response(res.body, res);
  out.headers.set("clear-site-data", CLEAR_SITE_DATA);
  return out;
}

/**
 * The portal's own sign-out (POST /account/sign-out): ends the server-side session (audited),
 * clears the session cookie and the browser's site data, and goes to the login page.
 */
export async function signOutEverywhereResponse(req: Request): Promise<Response> {
  try {
    assertSameOrigin(req);
  } catch (e) {
    return errorResponse(e);
  }
  const sid = await readSessionId();
  if (sid) {
    const [state, ctx] = await Promise.all([getSessionState(), getRequestContext()]);
    await revokeSession(sid, state.ok ? state.actor : null, "sign_out", ctx);
  }
  const headers = new Headers({ location: "/login", "clear-site-data": CLEAR_SITE_DATA, "cache-control": "no-store" });
  for (const name of SESSION_COOKIES) {
    headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${SECURE_COOKIES ? "; Secure" : ""}`);
  }
  return new Response(null, { status: 303, headers });
}
