import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// docs/api.md is the repository's copy of the JSON API contract, which lives in ../shared/API.md
// beside the checkout. When the shared folder is there (the lead's checkout, CI), they must match.
const root = path.resolve(__dirname, "../../..");
const copy = path.join(root, "docs/api.md");
const shared = path.resolve(root, "../shared/API.md");

test("docs/api.md is a copy of the shared API contract", () => {
  const ours = readFileSync(copy, "utf8");
  expect(ours).toMatch(/^# /);
  if (!existsSync(shared)) return; // a checkout without the shared folder: nothing to compare with
  expect(ours).toBe(readFileSync(shared, "utf8"));
});
