// `npm test`: a fresh, migrated database per run (DATABASE_URL's server when reachable, else
// embedded), Jest unit + integration tests, then HTTP and browser tests against a production
// build. Ends with the plain line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ROOT, ensureServer, createDatabase, dropDatabase, migrate, migrateWithAppRole, withDatabase } from "./lib/pg.mjs";
import { dropRole } from "./lib/app-role.mjs";
import { generateClient } from "./generate.mjs";
import { ephemeralSecrets } from "./lib/secrets.mjs";
import { buildIfStale, freePort, startServer, waitForHttp, findChromium } from "./lib/server.mjs";

const args = process.argv.slice(2);
const e2eOnly = args.includes("--e2e-only");
const skipE2e = args.includes("--skip-e2e") || process.env.SKIP_E2E === "1";
const jestArgs = args.filter((a) => !a.startsWith("--e2e-only") && !a.startsWith("--skip-e2e"));

const secrets = ephemeralSecrets();
const server = await ensureServer("test");
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const databases = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
let child = null;
// the e2e server runs as a least-privilege role of this run's own (roles are cluster-wide:
// parallel runs must not change each other's password), dropped with the databases
const appRole = `jingxin_app_t_${runId}`;
let appRoleMade = false;

async function freshDatabase(suffix) {
  const name = `jingxin_test_${runId}_${suffix}`;
  await createDatabase(server.adminUrl, name);
  databases.push(name);
  const url = withDatabase(server.adminUrl, name);
  migrate(url);
  return url;
}

function runJest(config, env, label) {
  const out = path.join(ROOT, "test-results", `${label}-${runId}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const res = spawnSync(path.join(ROOT, "node_modules", ".bin", "jest"), ["-c", config, "--json", `--outputFile=${out}`, ...jestArgs], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...secrets, ...env, NODE_ENV: "test", TZ: "UTC" },
  });
  try {
    const r = JSON.parse(readFileSync(out, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } catch {
    totals.failed += 1; // jest crashed before writing results
  }
  return res.status === 0;
}

let exitCode = 0;
try {
  generateClient();
  const env = { APP_ENV: "test", TEST_ADMIN_DATABASE_URL: server.adminUrl, TEST_RUN_ID: runId };
  if (!e2eOnly) {
    const url = await freshDatabase("main");
    if (!runJest("jest.config.mjs", { ...env, DATABASE_URL: url }, "jest")) exitCode = 1;
  }
  if (!skipE2e) {
    const name = `jingxin_test_${runId}_e2e`;
    await createDatabase(server.adminUrl, name);
    databases.push(name);
    const url = withDatabase(server.adminUrl, name);
    appRoleMade = true;
    const appUrl = await migrateWithAppRole(url, {
      role: appRole,
      password: randomBytes(18).toString("base64url"),
      appUrl: "",
      // the job queue's schema is DDL: the owner installs it before the grants (scripts/install-jobs.ts)
      afterMigrate: () => {
        const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/install-jobs.ts"], {
          cwd: ROOT,
          stdio: "inherit",
          env: { ...process.env, ...secrets, DATABASE_URL: url, APP_ENV: "test" },
        });
        if (r.status !== 0) throw new Error("installing the job queue failed");
      },
    });
    const serverEnv = { ...secrets, DATABASE_URL: appUrl, APP_ENV: "test" };
    // the seed (and the tests' own fixtures) write as the owner
    const seed = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...serverEnv, DATABASE_URL: url },
    });
    if (seed.status !== 0) throw new Error("demo seed failed");
    buildIfStale(serverEnv);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    child = startServer({ ...serverEnv, NEXTAUTH_URL: baseUrl, NODE_ENV: "production" }, port, { quiet: true });
    await waitForHttp(`${baseUrl}/login`);
    const chromium = findChromium();
    if (!chromium)
      console.warn("\n!! Chromium not found (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH): browser tests are skipped.\n");
    if (!runJest("jest.e2e.config.mjs", { ...env, DATABASE_URL: url, BASE_URL: baseUrl, CHROMIUM_PATH: chromium ?? "" }, "e2e"))
      exitCode = 1;
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  totals.failed += 1;
  exitCode = 1;
} finally {
  if (child) child.kill("SIGTERM");
  if (child && child.exitCode === null) await new Promise((r) => child.once("exit", r));
  for (const name of databases) await dropDatabase(server.adminUrl, name).catch(() => {});
  if (appRoleMade) await dropRole(server.adminUrl, appRole).catch((e) => console.warn(`could not drop role ${appRole}: ${e.message}`));
  await server.stop();
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(exitCode || (totals.failed ? 1 : 0));
