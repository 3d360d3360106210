import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { SESSION_COOKIE } from "@/lib/auth/current";

// The benchmark's framework floor (scripts/bench.mjs, issue 13): what a bare Next.js + next-auth
// route costs when it only decodes the session JWT — no database, no session check. It exists
// only when the server runs with BENCH_ROUTES=1 (the benchmark's own server); otherwise 404.
export const dynamic = "force-dynamic";

export async function GET() {
  if (!env.BENCH_ROUTES) return new Response(null, { status: 404 });
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const payload = token ? await decode({ token, secret: env.NEXTAUTH_SECRET }).catch(() => null) : null;
  return Response.json({ sid: typeof payload?.sid === "string" }, { status: payload ? 200 : 401 });
}
