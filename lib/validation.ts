import { z } from "zod";
import { validationFailed } from "@/lib/errors";

// Messages users see are Chinese; zod's own zh-CN locale covers the generic cases.
z.config(z.locales.zhCN());

/** Parse or throw VALIDATION_FAILED with a message per field (first issue wins). */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
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
export type PageInput = z.infer<typeof pageSchema>;
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };
