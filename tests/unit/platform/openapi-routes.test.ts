import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/openapi";

// Every /api/v1 route handler and each method it exports is in the OpenAPI document (API.md
// asks for the contract to be published; a route missing from it is a contract nobody can read).
const API = path.resolve(__dirname, "../../../app/api/v1");

function routes(dir = API, prefix = "/api/v1"): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry.startsWith("[...")) continue; // the catch-all 404 of unknown paths
      out.push(...routes(full, `${prefix}/${entry.replace(/^\[(\w+)\]$/, "{$1}")}`));
    } else if (entry === "route.ts") {
      const src = readFileSync(full, "utf8");
      const methods = [...src.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) =>
        m[1]!.toLowerCase(),
      );
      out.push({ path: prefix, methods });
    }
  }
  return out;
}

test("the OpenAPI document lists every /api/v1 route and method", () => {
  const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
  const missing = routes().flatMap((r) => r.methods.filter((m) => !paths[r.path]?.[m]).map((m) => `${m.toUpperCase()} ${r.path}`));
  expect(missing).toEqual([]);
  expect(routes().length).toBeGreaterThan(60);
});
