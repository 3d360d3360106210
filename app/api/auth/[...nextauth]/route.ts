import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { credentialsCallbackResponse, signOutResponse } from "@/lib/http/auth-edge";

// next-auth's handler, with two additions at the edge (lib/http/auth-edge.ts): the credentials
// callback answers 429/503 in the API's error shape, and sign-out clears the browser's site data.
const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  const [action, provider] = (await ctx.params).nextauth ?? [];
  const json =
    (
      await req
        .clone()
        .formData()
        .catch(() => null)
    )?.get("json") === "true";
  const res: Response = await handler(req, ctx);
  if (action === "callback" && provider === "credentials") return credentialsCallbackResponse(res, json);
  if (action === "signout") return signOutResponse(res);
  return res;
}
