// Builds lib/auth/data/common-passwords.txt.gz, the blocklist of lib/auth/password-blocklist.ts.
//   node scripts/build-password-blocklist.mjs
// Sources (see lib/auth/data/README.md):
//  1. the common-password dictionary of zxcvbn-ts (@zxcvbn-ts/language-common, MIT, a dev
//     dependency), drawn from the "10 million passwords" list of Mark Burnett / xato.net,
//     most frequent first: 49,233 passwords;
//  2. the first guesses a password cracker's rule set makes for the most common of those words
//     (leet letters, then "1!", "123", "@123456", years … appended), kept when the result is
//     long enough and mixed enough to pass our own composition rule, so exactly the passwords
//     the composition rule would let through ("Password1!", "P@ssw0rd123", "Admin@123456");
//  3. the bureau's and the app's own names (jingcha, gongan, qianshan, jingxin …), decorated
//     the same way.
// Entries are lower case: the check compares lower case, "PASSWORD1!" is as weak as "password1!".
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const zxcvbn = require("@zxcvbn-ts/language-common/src/passwords.json");
const out = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "lib", "auth", "data", "common-passwords.txt.gz");

const TOP_WORDS = 250;
const OWN_WORDS = [
  "admin",
  "administrator",
  "root",
  "user",
  "test",
  "welcome",
  "woaini",
  "aini",
  "qwer",
  "asdf",
  "zxcv",
  "abc",
  "abcd",
  "china",
  "beijing",
  "zhongguo",
  "jingcha",
  "gongan",
  "police",
  "qianshan",
  "anshan",
  "jingxin",
  "nuanjingxin",
  "fenju",
  "paichusuo",
];
const SUFFIXES = [
  "1",
  "12",
  "123",
  "1234",
  "12345",
  "123456",
  "1234567",
  "12345678",
  "123456789",
  "!",
  "1!",
  "12!",
  "123!",
  "1234!",
  "!1",
  "!!",
  "!@#",
  "123!@#",
  "@1",
  "@12",
  "@123",
  "@1234",
  "@12345",
  "@123456",
  "#123",
  "#1234",
  ".123",
  "_123",
  "*123",
  "123.",
  "001",
  "01",
  "007",
  "666",
  "888",
  "520",
  "1314",
  "5201314",
  "@520",
  "@1314",
  "2020",
  "2021",
  "2022",
  "2023",
  "2024",
  "2025",
  "2026",
  "2027",
  "@2023",
  "@2024",
  "@2025",
  "@2026",
  "@2027",
  "2024!",
  "2025!",
  "2026!",
];
const LEET = [{}, { a: "@" }, { o: "0" }, { a: "@", o: "0" }, { a: "@", o: "0", s: "$" }, { i: "1" }];

const leet = (w, map) => [...w].map((c) => map[c] ?? c).join("");
const classes = (s) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(s)).length;
// With a capital letter added, would it pass the composition rule (10 characters, 3 classes)?
const passesComposition = (s) => [...s].length >= 10 && classes(s) + (/[a-z]/.test(s) ? 1 : 0) >= 3;

const words = [...new Set([...zxcvbn.filter((w) => /^[a-z]{4,12}$/.test(w)).slice(0, TOP_WORDS), ...OWN_WORDS])];
const entries = new Set(zxcvbn.map((w) => w.toLowerCase()));
const before = entries.size;
for (const w of words) {
  for (const map of LEET) {
    const base = leet(w, map);
    if (base === w && Object.keys(map).length) continue;
    for (const s of SUFFIXES) {
      const candidate = base + s;
      if (passesComposition(candidate)) entries.add(candidate);
    }
  }
}
const list = [...entries].filter((e) => e && !e.includes("\n")).sort();
writeFileSync(out, gzipSync(list.join("\n") + "\n", { level: 9 }));
console.log(`${list.length} entries (${before} from zxcvbn-ts, ${list.length - before} decorated) → ${path.relative(process.cwd(), out)}`);
