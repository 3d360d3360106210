// A separate OS process enrolling many officers at once (spawned by capacity.test.ts), so the
// capacity rule is proven across processes that share only the database.
import { enrolSelf } from "@/lib/training/enrolment";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/access";

const [sessionId, actorsJson] = process.argv.slice(2);
const actors = JSON.parse(actorsJson!) as Actor[];
const results = await Promise.allSettled(actors.map((a) => enrolSelf(a, sessionId!)));
const out = results.map((r) => (r.status === "fulfilled" ? r.value : { error: String((r.reason as Error)?.message ?? r.reason) }));
process.stdout.write(JSON.stringify(out));
await db.$disconnect();
