import { Prisma } from "@/lib/generated/prisma/client";

// The one unit-subtree predicate (ADR: materialised unit paths). A unit's path is its ancestors'
// ids, "/rootId/stationId/", so "in the subtree of P" is "path starts with P": a prefix match
// the text_pattern_ops index on "Unit".path answers. Every scoping by unit goes through here.

/** Units in the subtree rooted at `rootPath` (the root included), as a Prisma Unit filter.
 * Prisma's startsWith does not escape LIKE wildcards, so a path holding "_" or "%" (unit ids are
 * "u" + hex and never do) is refused rather than matched too widely. */
export function unitSubtree(rootPath: string) {
  if (/[\\%_]/.test(rootPath)) throw new Error(`unit path with a LIKE wildcard: ${rootPath}`);
  return { path: { startsWith: rootPath } } satisfies Prisma.UnitWhereInput;
}

/** The LIKE pattern for a prefix, its wildcards escaped. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * unitSubtree as SQL for the hand-written hot paths: `column LIKE 'prefix%'`, which the prefix
 * index can use (never left(path, …), which it cannot). `column` is a fixed SQL expression
 * such as `un.path`, never input.
 */
export function unitSubtreeSql(column: string, rootPath: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(column)} LIKE ${likePrefix(rootPath)}`;
}

/** The same rule in memory, for a path already loaded. */
export function isInUnitSubtree(unitPath: string, rootPath: string): boolean {
  return unitPath.startsWith(rootPath);
}
