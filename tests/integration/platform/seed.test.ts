import { spawnSync } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";

const root = path.resolve(__dirname, "../../..");
const runSeed = (env: Record<string, string>, args: string[] = []) =>
  spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "prisma/seed.ts", ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: "--conditions=react-server", ...env },
    encoding: "utf8",
  });

test("the demo seed refuses to run against a production deployment unless asked explicitly", async () => {
  const before = await db.user.count({ where: { badgeNo: "000001" } });
  const res = runSeed({ APP_ENV: "production", SEED_MODULES: "platform" });
  expect(res.status).toBe(3);
  expect(res.stderr).toMatch(/Refusing to seed/);
  expect(await db.user.count({ where: { badgeNo: "000001" } })).toBe(before);
}, 60_000);

test("the platform seed makes exactly the demo accounts of API.md and is idempotent", async () => {
  for (let i = 0; i < 2; i++) expect(runSeed({ APP_ENV: "test", SEED_MODULES: "platform" }).status).toBe(0);
  const accounts = await db.user.findMany({
    where: {
      OR: [
        { badgeNo: { in: ["000001", "000002", "000003", "010001", "020001", "030001"] } },
        { badgeNo: { startsWith: "1000" } },
        { badgeNo: { startsWith: "F000" } },
      ],
    },
    select: { badgeNo: true, roles: true, unit: { select: { name: true, kind: true } } },
    orderBy: { badgeNo: "asc" },
  });
  expect(accounts).toHaveLength(46);
  const byBadge = Object.fromEntries(accounts.map((a) => [a.badgeNo, a]));
  expect(byBadge["000001"]?.roles).toEqual(["SYS_ADMIN"]);
  expect(byBadge["010001"]?.roles).toEqual(["TRAINING_ADMIN", "OFFICER"]);
  expect(byBadge["100001"]?.roles).toEqual(["OFFICER", "UNIT_LEAD"]);
  expect(byBadge["100002"]?.roles).toEqual(["OFFICER", "LECTURER"]);
  expect(byBadge["F00020"]?.roles).toEqual(["AUXILIARY"]);
  // officers and auxiliaries are spread over several 派出所
  const stations = new Set(accounts.filter((a) => /^(1000|F000)/.test(a.badgeNo)).map((a) => a.unit.name));
  expect(stations.size).toBeGreaterThanOrEqual(3);
  expect(accounts.filter((a) => /^(1000|F000)/.test(a.badgeNo)).every((a) => a.unit.kind === "STATION")).toBe(true);
}, 120_000);

test("security and audit administrators are provisioned from the server, audited, with a forced change", async () => {
  const badgeNo = `P${Date.now().toString().slice(-6)}`;
  // the unit code QS exists once the platform seed above has run
  const res = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "scripts/provision-admin.ts",
      "--badge",
      badgeNo,
      "--name",
      "审计员",
      "--role",
      "AUDIT_ADMIN",
    ],
    {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: "--conditions=react-server" },
      encoding: "utf8",
    },
  );
  expect(res.status).toBe(0);
  const temporary = res.stdout.match(/One-time password[^:]*: (\S+)/)?.[1];
  expect(temporary).toHaveLength(14);
  const user = await db.user.findUniqueOrThrow({ where: { badgeNo }, include: { credential: true } });
  expect([user.roles, user.credential?.mustChange]).toEqual([["AUDIT_ADMIN"], true]);
  expect(await db.auditLog.count({ where: { action: "admin.user.provision", targetId: user.id } })).toBe(1);
}, 60_000);
