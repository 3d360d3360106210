// Part of `npm run db:migrate` (scripts/run.mjs): pg-boss's schema and our queues are DDL, so the
// schema owner installs them with the migrations, and the app's role needs no DDL right.
import { installJobSchema } from "@/lib/jobs";

await installJobSchema();
console.log("job queue schema (pgboss) and queues installed");
process.exit(0);
