// `npm run audit:verify`: recompute the audit log's hash chain (the same lib function as
// GET /api/v1/audit/verify). Exit code 0 when intact, 1 when broken, 2 when it could not run.
// The database: DATABASE_URL, else the embedded demo database (like `npm run demo`).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT, ensureServer, withDatabase } from "./lib/pg.mjs";
import { ensureDevSecrets } from "./lib/secrets.mjs";

const secrets = process.env.NEXTAUTH_SECRET && process.env.DATA_ENCRYPTION_KEY ? {} : ensureDevSecrets();
const server = await ensureServer("demo");
const databaseUrl = process.env.DATABASE_URL ?? withDatabase(server.adminUrl, "jingxin");
const res = spawnSync(
  path.join(ROOT, "node_modules", ".bin", "tsx"),
  ["--conditions=react-server", "scripts/audit-verify.ts", ...process.argv.slice(2)],
  { cwd: ROOT, stdio: "inherit", env: { ...secrets, ...process.env, DATABASE_URL: databaseUrl } },
);
await server.stop();
process.exit(res.status ?? 2);
