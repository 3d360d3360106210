import { notFound } from "next/navigation";
import { env } from "@/lib/env";

// The benchmark's page floor (scripts/bench.mjs, issue 13): what a Next.js page costs under our
// root layout with no data, no session check and no portal shell. Only when the server runs with
// BENCH_ROUTES=1 (the benchmark's own server); otherwise 404.
export const dynamic = "force-dynamic";

export default function BenchPage() {
  if (!env.BENCH_ROUTES) notFound();
  return <main className="p-4">ok</main>;
}
