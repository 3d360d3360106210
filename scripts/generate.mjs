// `prisma generate` offline (WebAssembly engine); the generated client is not committed.
// Skipped when the schema has not changed since the last generation.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, prisma } from "./lib/pg.mjs";

export function generateClient() {
  const dir = path.join(ROOT, "prisma", "schema");
  const hash = createHash("sha256");
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(path.join(dir, f)));
  const digest = hash.digest("hex");
  const stamp = path.join(ROOT, "lib", "generated", "prisma", ".schema-hash");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;
  prisma(["generate"], { DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/unused" });
  writeFileSync(stamp, digest);
}

if (import.meta.url === `file://${process.argv[1]}`) generateClient();
