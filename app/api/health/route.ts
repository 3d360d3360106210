import { NextResponse } from "next/server";
import { databaseAnswers } from "@/lib/ops/health";

// API.md "Operations": no sign-in, and nothing but the status (no versions, hosts or errors).
export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseAnswers();
  return NextResponse.json({ status: ok ? "ok" : "unavailable" }, { status: ok ? 200 : 503 });
}
export const HEAD = GET;
