// A separate OS process importing a pay sheet (spawned by concurrency.test.ts), so "one import per
// month" is proven across processes that share only the database.
import { commitPayImport } from "@/lib/benefits/pay-import";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/access";

const [month, actorJson, csv, replace] = process.argv.slice(2);
const actor = JSON.parse(actorJson!) as Actor;
const attempts = await Promise.allSettled(
  [0, 1, 2].map(() => commitPayImport(actor, { month, replace, data: Buffer.from(csv!, "utf8"), fileName: "w.csv" })),
);
process.stdout.write(
  JSON.stringify(
    attempts.map((r) =>
      r.status === "fulfilled" ? { imported: r.value.imported } : { error: (r.reason as { code?: string })?.code ?? String(r.reason) },
    ),
  ),
);
await db.$disconnect();
