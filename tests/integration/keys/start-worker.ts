// A separate server-like process running the start-up key check (spawned by data-keys.test.ts) with
// whatever keys its environment carries; exits 78 with the operator's message when they do not fit.
import { startKeyCheck } from "@/lib/keys/startup";
import { db } from "@/lib/db";

await startKeyCheck();
process.stdout.write("started");
await db.$disconnect();
