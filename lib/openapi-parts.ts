// Building blocks of the OpenAPI document, shared by lib/openapi.ts and each domain's fragment
// (a separate file so the fragments never import lib/openapi.ts, which imports them).
export type PathsObject = Record<string, Record<string, unknown>>;

export const err = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
export const R = {
  400: err("VALIDATION_FAILED"),
  401: err("UNAUTHENTICATED"),
  403: err("FORBIDDEN (also a foreign Origin on a state-changing call)"),
  404: err("NOT_FOUND"),
  409: err("conflict (code in error.code)"),
};
export const pageParams = [
  { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
  { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
];
export const json = (schema: unknown, description = "OK") => ({ description, content: { "application/json": { schema } } });
export const body = (schema: unknown) => ({ required: true, content: { "application/json": { schema } } });
export const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
export const time = { type: "string", format: "date-time", examples: ["2026-12-03T09:00:00+08:00"] };
