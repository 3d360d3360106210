import "server-only";
import { can, type Actor } from "@/lib/access";
import { forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unitSubtree } from "@/lib/unit-tree";

/** HR: profiles in the actor's unit subtree. An auxiliary officer: their own profile only. */
export function profileWhere(actor: Actor): Prisma.AuxiliaryProfileWhereInput {
  if (can(actor, "benefits.manage")) return { unit: unitSubtree(actor.unitPath) };
  if (can(actor, "benefits.self.view")) return { userId: actor.id };
  throw forbidden();
}

export function isHr(actor: Actor): boolean {
  return can(actor, "benefits.manage");
}

export function assertHr(actor: Actor): void {
  if (!can(actor, "benefits.manage")) throw forbidden();
}
