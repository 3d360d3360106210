// A separate OS process appending audit entries (spawned by chain.test.ts), so the hash chain is
// proven under writers that share only the database, as two app instances would.
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";

const [label, countArg] = process.argv.slice(2);
const count = Number(countArg);
const actor = { id: `worker-${label}`, badgeNo: `W${label}`, name: `进程${label}`, roles: ["OFFICER" as const], requestId: `req-${label}` };
const started = Date.now();
// 8 at a time; every third entry inside a transaction that first changes something else, as the
// domain mutations do
await Promise.all(
  Array.from({ length: 8 }, async (_, lane) => {
    for (let i = lane; i < count; i += 8) {
      const entry = { actor, action: "test.concurrent", target: `${label}-${i}`, details: { i, label } };
      if (i % 3 === 0) {
        await db.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(0.002)`;
          await writeAudit(tx, entry);
        });
      } else {
        await writeAudit(db, entry);
      }
    }
  }),
);
process.stdout.write(JSON.stringify({ ms: Date.now() - started }));
await db.$disconnect();
