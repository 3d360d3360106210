import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { requireUser } from "@/lib/auth/current";

// The benchmark's shell floor (scripts/bench.mjs, issue 13): the signed-in portal shell (session
// check, navigation, the bell) around an empty page. Only when the server runs with
// BENCH_ROUTES=1 (the benchmark's own server); otherwise 404.
export const dynamic = "force-dynamic";

export default async function BenchShellPage() {
  if (!env.BENCH_ROUTES) notFound();
  await requireUser();
  return <p>ok</p>;
}
