// A separate OS process filing leave requests at once (spawned by concurrency.test.ts), so the
// overlap and balance rules are proven across processes that share only the database.
import { createLeaveRequest } from "@/lib/leave/mutations";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/access";

const [actorJson, inputsJson] = process.argv.slice(2);
const actor = JSON.parse(actorJson!) as Actor;
const inputs = JSON.parse(inputsJson!) as unknown[];
const results = await Promise.allSettled(inputs.map((i) => createLeaveRequest(actor, i)));
const out = results.map((r) =>
  r.status === "fulfilled" ? { id: r.value.id } : { code: (r.reason as { code?: string }).code ?? String(r.reason) },
);
process.stdout.write(JSON.stringify(out));
await db.$disconnect();
