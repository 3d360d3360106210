import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

// About 80,000 common passwords (lib/auth/data/README.md names the sources), read and
// decompressed once per process, on first use, into a Set: a look-up is one hash probe.
const FILE = path.join(process.cwd(), "lib", "auth", "data", "common-passwords.txt.gz");
let list: Set<string> | undefined;

function load(): Set<string> {
  list ??= new Set(gunzipSync(readFileSync(FILE)).toString("utf8").split("\n").filter(Boolean));
  return list;
}

/** Whether the password (compared in lower case) is on the shipped list of common passwords. */
export function isCommonPassword(password: string): boolean {
  return load().has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  return load().size;
}
