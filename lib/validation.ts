import { z } from "zod";
import { validationFailed } from "@/lib/errors";

// Messages users see are Chinese; zod's own zh-CN locale covers the generic cases.
z.config(z.locales.zhCN());

// NUL and the other C0 controls except tab and newlines: PostgreSQL refuses NUL in text, and
// none of them belongs in anything a person types.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export function hasControlChars(s: string): boolean {
  return CONTROL.test(s);
}

/** The path of the first string inside `data` that holds a control character, if any. */
export function findControlChars(data: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof data === "string") return CONTROL.test(data) ? path.join(".") || "_" : null;
  if (depth > 20 || data === null || typeof data !== "object" || ArrayBuffer.isView(data)) return null; // files are not text
  for (const [k, v] of Object.entries(data)) {
    const found = findControlChars(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Parse or throw VALIDATION_FAILED with a message per field (first issue wins). */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const bad = findControlChars(data);
  if (bad) throw validationFailed({ [bad]: "含有不允许的控制字符" });
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw validationFailed(fieldErrors(result.error));
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Pagination shared by every list (API.md: page, pageSize ≤ 100). */
export const pageSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };
