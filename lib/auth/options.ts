import "server-only";
import { headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signIn } from "@/lib/auth/sign-in";
import { revokeSession } from "@/lib/auth/sessions";
import { DEFAULT_POLICY } from "@/lib/auth/policy";
import { clientIp, requestIdOf } from "@/lib/auth/request-info";
import { safeCallbackUrl } from "@/lib/auth/redirect";
import { SECURE_COOKIES, SESSION_COOKIE } from "@/lib/auth/current";
import { isDatabaseUnavailable } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * What a failed credentials sign-in tells the client, as next-auth's `error` parameter (and, for
 * API clients, app/api/auth/[...nextauth]/route.ts turns the last two into 429 and 503).
 * Never an exception's own text: that is how Prisma's "Can't reach database server at …" used
 * to reach the redirect URL.
 */
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", rateLimited: "RATE_LIMITED", unavailable: "UNAVAILABLE" } as const;

// JWT strategy (next-auth's credentials provider requires it), but the token carries only a
// server-side session id: revocation, time-outs and role changes are read from the database on
// every request. See docs/decisions/0002-session-strategy.md.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: DEFAULT_POLICY.absoluteTimeoutHours * 3600 },
  pages: { signIn: "/login", error: "/login" },
  useSecureCookies: SECURE_COOKIES,
  cookies: {
    sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure: SECURE_COOKIES } },
  },
  providers: [
    CredentialsProvider({
      name: "badge",
      credentials: { badgeNo: { type: "text" }, password: { type: "password" }, otp: { type: "text" } },
      async authorize(credentials, req) {
        const badgeNo = String(credentials?.badgeNo ?? "")
          .trim()
          .toUpperCase()
          .slice(0, 32);
        const password = String(credentials?.password ?? "").slice(0, 256);
        const otp = String(credentials?.otp ?? "").slice(0, 32) || null;
        if (!badgeNo || !password) return null;
        const h = new Headers(req?.headers as Record<string, string> | undefined);
        let result;
        try {
          result = await signIn({ badgeNo, password, otp, ip: clientIp(h), userAgent: h.get("user-agent"), requestId: requestIdOf(h) });
        } catch (e) {
          logger.error("sign-in failed on an unexpected error", e);
          // next-auth puts the message into the redirect URL: only our own code goes there
          throw new Error(isDatabaseUnavailable(e) ? SIGN_IN_ERRORS.unavailable : "INTERNAL");
        }
        if (!result.ok) {
          if (result.reason === "RATE_LIMITED") throw new Error(SIGN_IN_ERRORS.rateLimited);
          return null;
        }
        return { id: result.userId, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sid = (user as { sid?: string }).sid;
      return token;
    },
    async session({ session, token }) {
      // Expose nothing but the session id; pages read the user from the database.
      return { expires: session.expires, sid: token.sid } as typeof session;
    },
    // callbackUrl only ever leads to a path of this site (lib/auth/redirect.ts)
    async redirect({ url, baseUrl }) {
      return safeCallbackUrl(url, baseUrl);
    },
  },
  events: {
    // POST /api/auth/signout: end the server-side session, audited against its owner
    async signOut({ token }) {
      if (!token?.sid) return;
      const h = await headers();
      await revokeSession(String(token.sid), null, "sign_out", { ip: clientIp(h), requestId: requestIdOf(h) });
    },
  },
};
