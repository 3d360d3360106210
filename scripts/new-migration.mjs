// Makes a migration offline: `prisma migrate dev` needs a shadow database the WebAssembly engine
// cannot introspect, so we diff schemas instead (docs/decisions/0001-prisma-6-js-engine.md).
//   npm run db:new-migration -- <name>     diff from the schema at git HEAD to the working tree
//   npm run db:new-migration -- --init     rewrite the init migration from empty (before 1st release only)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, ensureServer } from "./lib/pg.mjs";

const arg = process.argv[2];
if (!arg) {
  console.error("usage: npm run db:new-migration -- <name> | --init");
  process.exit(2);
}
// The WebAssembly engine opens a connection even for a pure diff: give it any reachable server.
const server = await ensureServer("test");
const connectionUrl = process.env.DATABASE_URL ?? server.adminUrl;
const prismaBin = path.join(ROOT, "node_modules", ".bin", "prisma");
const diff = (from) =>
  execFileSync(prismaBin, ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema", "--script"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: connectionUrl },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });

const migrations = path.join(ROOT, "prisma", "migrations");
if (arg === "--init") {
  const dir = path.join(migrations, "20261126000000_init");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), diff(["--from-empty"]));
  console.log(`wrote ${path.relative(ROOT, dir)}/migration.sql`);
  await server.stop();
  process.exit(0);
}

const name = arg.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
const old = mkdtempSync(path.join(tmpdir(), "schema-"));
try {
  const files = execFileSync("git", ["ls-tree", "--name-only", "HEAD", "prisma/schema/"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  for (const f of files) writeFileSync(path.join(old, path.basename(f)), execFileSync("git", ["show", `HEAD:${f}`], { cwd: ROOT }));
  const sql = diff(["--from-schema-datamodel", old]);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("no schema change since HEAD");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrations, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${path.relative(ROOT, dir)}/migration.sql (${readdirSync(migrations).length} migrations)`);
  }
} finally {
  await server.stop();
  rmSync(old, { recursive: true, force: true });
}
