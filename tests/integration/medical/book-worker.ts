// A separate OS process booking one slot for many officers at once (spawned by capacity.test.ts),
// so the capacity rule is proven across processes that share only the database.
import { bookSlot } from "@/lib/medical/booking";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/access";

const [slotId, actorsJson] = process.argv.slice(2);
const actors = JSON.parse(actorsJson!) as Actor[];
const results = await Promise.allSettled(actors.map((a) => bookSlot(a, { slotId })));
const out = results.map((r) =>
  r.status === "fulfilled" ? { id: r.value.id } : { error: (r.reason as { code?: string })?.code ?? String(r.reason) },
);
process.stdout.write(JSON.stringify(out));
await db.$disconnect();
