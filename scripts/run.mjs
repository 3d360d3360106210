// One entry point for the commands that need a database:
//   demo        embedded PostgreSQL (unless DATABASE_URL), migrations, demo seed, production build, server
//   dev         the same database, then `next dev`
//   migrate     apply migrations            seed        the demo seed (idempotent)
//   seed-large  the large data set for benchmarks (see scripts/seed-large.ts)
//   provision   create or reset a security/audit administrator account (scripts/provision-admin.ts)
//   reencrypt   re-encrypt with the current key, recompute blind indexes (scripts/reencrypt.ts)
//   check-keys  check the configured keys against the key canary
// DATABASE_URL is the owner's: migrations and the seed run as it; the app server connects as the
// least-privilege app role (APP_DATABASE_URL, or derived: scripts/lib/app-role.mjs).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT, ensureServer, createDatabase, migrateWithAppRole, withDatabase, redact } from "./lib/pg.mjs";
import { ensureDevSecrets } from "./lib/secrets.mjs";
import { buildIfStale, startServer } from "./lib/server.mjs";
import { generateClient } from "./generate.mjs";

const command = process.argv[2] ?? "demo";
const port = Number(process.env.PORT ?? 3000);

const secrets = ensureDevSecrets();
const server = await ensureServer("demo");
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  await createDatabase(server.adminUrl, "jingxin");
  databaseUrl = withDatabase(server.adminUrl, "jingxin");
}
const env = { ...secrets, DATABASE_URL: databaseUrl, APP_ENV: process.env.APP_ENV ?? "demo" };
console.log(`database: ${redact(databaseUrl)}${server.embedded ? " (embedded, data in .data/pg)" : ""}`);

function tsx(script, args = []) {
  const res = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", script, ...args], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (res.status !== 0) throw new Error(`${script} failed`);
}

let child = null;
async function shutdown(code = 0) {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  await server.stop();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  generateClient();
  const appDatabaseUrl = await migrateWithAppRole(databaseUrl, {
    password: secrets.APP_DATABASE_PASSWORD,
    // pg-boss's schema and queues are DDL too: installed by the schema owner, before the grants
    afterMigrate: () => tsx("scripts/install-jobs.ts"),
  });
  const appEnv = { ...env, DATABASE_URL: appDatabaseUrl };
  console.log(`app server connects as: ${redact(appDatabaseUrl)}`);
  if (command === "migrate") await shutdown(0);
  if (command === "seed" || command === "demo" || command === "dev") tsx("prisma/seed.ts", process.argv.slice(3));
  if (command === "seed") await shutdown(0);
  if (command === "provision") {
    tsx("scripts/provision-admin.ts", process.argv.slice(3));
    await shutdown(0);
  }
  if (command === "reencrypt" || command === "check-keys") {
    tsx("scripts/reencrypt.ts", command === "check-keys" ? ["--check"] : process.argv.slice(3));
    await shutdown(0);
  }
  if (command === "seed-large") {
    tsx("scripts/seed-large.ts", process.argv.slice(3));
    await shutdown(0);
  }
  if (command === "dev") {
    child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["dev", "-p", String(port)], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...appEnv },
    });
  } else if (command === "demo") {
    buildIfStale(env);
    child = startServer({ ...appEnv, NODE_ENV: "production", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` }, port);
    console.log(`
  暖警心 JingXin is starting on http://localhost:${port}
  Demo accounts (password Qianshan@2026):
    000001 系统管理员   000002 安全管理员   000003 审计管理员
    010001 训练科 (training office)   020001 人事 (HR)   030001 警医联络员 (medical liaison)
    100001–100020 民警 (100001 also unit lead, 100002 also lecturer)   F00001–F00020 辅警
  Stop with Ctrl+C; the data stays in .data/ for the next start.
`);
  } else {
    console.error(`unknown command: ${command}`);
    await shutdown(2);
  }
  child?.on("exit", (code) => shutdown(code ?? 0));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await shutdown(1);
}
