// A signed-in session without the sign-in form (Epic Stack style), for tests and the benchmark
// that are not about signing in: writes the server-side AuthSession row and mints the next-auth
// cookie that carries its id, exactly as a real sign-in would. Sign-in itself (password, second
// factor, lock-out) is tested through the real form and callback elsewhere. Never used by the app.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { encode } from "next-auth/jwt";

/** Cookie name of the session, as lib/auth/current.ts reads it (`__Host-` under https). */
export const sessionCookieName = (baseUrl) =>
  String(baseUrl).startsWith("https://") ? "__Host-next-auth.session-token" : "next-auth.session-token";

/**
 * @param {{ databaseUrl: string, secret: string, badgeNo: string, baseUrl: string, ip?: string }} opts
 * @returns {Promise<{ name: string, value: string, sessionId: string }>}
 */
export async function mintSessionCookie({ databaseUrl, secret, badgeNo, baseUrl, ip = "127.0.0.1" }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const sessionId = `fx${randomBytes(12).toString("hex")}`;
  let userId;
  try {
    const res = await client.query(
      `INSERT INTO "AuthSession" (id, "userId", "expiresAt", ip, "userAgent")
       SELECT $1, u.id, now() + interval '12 hours', $3, 'session-fixture' FROM "User" u WHERE u."badgeNo" = $2 AND u.active
       RETURNING "userId"`,
      [sessionId, badgeNo, ip],
    );
    userId = res.rows[0]?.userId;
  } finally {
    await client.end();
  }
  if (!userId) throw new Error(`session fixture: no active account ${badgeNo}`);
  const value = await encode({ token: { sub: userId, sid: sessionId }, secret, maxAge: 12 * 3600 });
  return { name: sessionCookieName(baseUrl), value, sessionId };
}
