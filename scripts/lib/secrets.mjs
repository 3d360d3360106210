// Dev secrets are generated at first run into .env.local (git-ignored); the repo holds none.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ROOT } from "./pg.mjs";

const FILE = path.join(ROOT, ".env.local");

export function readEnvFile(file = FILE) {
  if (!existsSync(file)) return {};
  const out = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, "$1");
  }
  return out;
}

export function ensureDevSecrets() {
  const current = readEnvFile();
  const wanted = {
    NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
    BLIND_INDEX_KEY: () => randomBytes(32).toString("base64"),
    DATA_INTEGRITY_KEY: () => randomBytes(32).toString("base64"),
    // the app role's password (scripts/lib/app-role.mjs) when no APP_DATABASE_URL is given
    APP_DATABASE_PASSWORD: () => randomBytes(24).toString("base64url"),
  };
  const missing = Object.keys(wanted).filter((k) => !current[k] && !process.env[k]);
  if (missing.length) {
    const lines = missing.map((k) => `${k}=${wanted[k]()}`);
    const prefix = existsSync(FILE) ? readFileSync(FILE, "utf8").replace(/\n?$/, "\n") : "# generated at first run; never commit\n";
    writeFileSync(FILE, prefix + lines.join("\n") + "\n", { mode: 0o600 });
    console.log(`generated ${missing.join(", ")} into .env.local`);
  }
  // A rotation's previous key is set by hand, never generated; pass it on when present.
  return { ...readEnvFile(), ...pick(process.env, [...Object.keys(wanted), "DATA_ENCRYPTION_KEY_PREVIOUS"]) };
}

/** Throw-away secrets for one test run. */
export function ephemeralSecrets() {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
    DATA_INTEGRITY_KEY: randomBytes(32).toString("base64"),
  };
}

function pick(obj, keys) {
  return Object.fromEntries(keys.filter((k) => obj[k]).map((k) => [k, obj[k]]));
}
