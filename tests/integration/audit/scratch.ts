// A database of its own for the audit-chain tests, built from the migrations like the run's test
// database: tampering, pruning and the 200k-row measurement must not disturb (or be disturbed
// by) the audit entries other test files write in parallel.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const ROOT = path.resolve(__dirname, "../../..");

export type Scratch = { url: string; client: PrismaClient; drop: () => Promise<void> };

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL! });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function scratchDatabase(suffix: string): Promise<Scratch> {
  const name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_${suffix}`;
  const u = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
  u.pathname = `/${name}`;
  const url = u.toString();
  await admin(`DROP DATABASE IF EXISTS "${name}"`);
  await admin(`CREATE DATABASE "${name}"`);
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  return {
    url,
    client,
    drop: async () => {
      await client.$disconnect();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
