import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { hasControlChars } from "@/lib/validation";

// The edge of the pages, as lib/http/api.ts is the API's: what the domain refuses becomes the
// 404 or 403 page, never a 500. A record the actor may not see is NOT_FOUND in the domain
// already (its existence does not leak); anything else thrown is a bug and stays a 500.

/** The one way a page awaits its data; NOT_FOUND and malformed input → the 404 page, FORBIDDEN → the 403 page. */
export async function orNotFound<T>(data: Promise<T>): Promise<T> {
  try {
    return await data;
  } catch (e) {
    if (isAppError(e)) {
      if (e.status === 404 || e.code === "VALIDATION_FAILED") notFound();
      if (e.status === 403) forbidden();
    }
    throw e;
  }
}

/** A record id from the URL. Ours are cuids or readable seed keys; anything else (NUL bytes,
 * huge or odd strings) cannot name a record, so it is the 404 page before any query runs. */
export function pageId(raw: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) notFound();
  return raw;
}

/** Search parameters for a page's zod schema: one value per key (the first), and values that
 * cannot be text in PostgreSQL (NUL and other control characters) dropped as if absent. */
export function pageQuery(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && !hasControlChars(value)) out[k] = value;
  }
  return out;
}
