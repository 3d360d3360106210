import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signIn } from "@/lib/auth/sign-in";
import { revokeSession } from "@/lib/auth/sessions";
import { DEFAULT_POLICY } from "@/lib/auth/policy";
import { clientIp } from "@/lib/auth/request-info";

// JWT strategy (next-auth's credentials provider requires it), but the token carries only a
// server-side session id: revocation, time-outs and role changes are read from the database on
// every request. See docs/decisions/0002-session-strategy.md.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: DEFAULT_POLICY.absoluteTimeoutHours * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "badge",
      credentials: { badgeNo: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const badgeNo = String(credentials?.badgeNo ?? "")
          .trim()
          .slice(0, 32);
        const password = String(credentials?.password ?? "").slice(0, 256);
        if (!badgeNo || !password) return null;
        const headers = new Headers(req?.headers as Record<string, string> | undefined);
        const result = await signIn({ badgeNo, password, ip: clientIp(headers), userAgent: headers.get("user-agent") });
        if (!result.ok) return null;
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
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(String(token.sid), null);
    },
  },
};
