// Every administration route handler is described in the OpenAPI document, with each method it exports.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/openapi";

const ADMIN = path.resolve(__dirname, "../../../app/api/v1/admin");

function routes(dir: string, prefix: string): { path: string; methods: string[] }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routes(full, `${prefix}/${entry.replace(/^\[(.+)\]$/, "{$1}")}`);
    if (entry !== "route.ts") return [];
    const methods = [...readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
    return [{ path: prefix, methods }];
  });
}

test("the OpenAPI document lists every /api/v1/admin route and method", () => {
  const doc = openApiDocument();
  const found = routes(ADMIN, "/api/v1/admin");
  expect(found.length).toBeGreaterThanOrEqual(8);
  for (const r of found) expect([r.path, Object.keys(doc.paths[r.path] ?? {}).sort()]).toEqual([r.path, [...r.methods].sort()]);
  const put = doc.paths["/api/v1/admin/users/{id}/roles"]!.put as {
    requestBody: { content: { "application/json": { schema: { required: string[] } } } };
  };
  expect(put.requestBody.content["application/json"].schema.required).toEqual(["roles", "password"]);
});
