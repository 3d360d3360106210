// Factories shared by the tests and the demo seed (prisma/seed.ts): one way to make a unit or a
// user, so seed data and test data obey the same rules.
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

type Client = Tx | typeof db;

export const DEMO_PASSWORD = "Qianshan@2026";

const hashCache: Map<string, Promise<string>> = new Map();
/** Hashing is deliberately slow; factories hash each distinct password once per process. */
export function cachedHash(password: string): Promise<string> {
  let h = hashCache.get(password);
  if (!h) hashCache.set(password, (h = hashPassword(password)));
  return h;
}

export const uniq = (prefix = "") => `${prefix}${randomBytes(4).toString("hex")}`;

export async function createUnit(
  input: {
    name?: string;
    code?: string;
    kind?: "BUREAU" | "STATION" | "BRIGADE" | "TEAM";
    parentId?: string | null;
    sortOrder?: number;
  } = {},
  client: Client = db,
) {
  const parent = input.parentId ? await client.unit.findUniqueOrThrow({ where: { id: input.parentId } }) : null;
  const id = `u${randomBytes(8).toString("hex")}`;
  return client.unit.create({
    data: {
      id,
      code: input.code ?? uniq("UNIT-"),
      name: input.name ?? `测试单位${uniq()}`,
      kind: input.kind ?? (parent ? "STATION" : "BUREAU"),
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      sortOrder: input.sortOrder ?? 0,
    },
  });
}

export async function createUser(
  input: {
    badgeNo?: string;
    name?: string;
    unitId?: string;
    roles?: Role[];
    active?: boolean;
    password?: string;
    mustChange?: boolean;
  } = {},
  client: Client = db,
) {
  const unitId = input.unitId ?? (await createUnit({}, client)).id;
  const passwordHash = await cachedHash(input.password ?? DEMO_PASSWORD);
  return client.user.create({
    data: {
      badgeNo: input.badgeNo ?? uniq("T").toUpperCase(),
      name: input.name ?? `测试${uniq()}`,
      unitId,
      roles: input.roles ?? ["OFFICER"],
      active: input.active ?? true,
      credential: { create: { passwordHash, mustChange: input.mustChange ?? false } },
    },
    include: { unit: true },
  });
}

/** The Actor a domain function expects, for a user made by createUser. */
export function actorOf(user: Awaited<ReturnType<typeof createUser>>, ip = "127.0.0.1") {
  return {
    id: user.id,
    badgeNo: user.badgeNo,
    name: user.name,
    roles: user.roles as Role[],
    unitId: user.unitId,
    unitPath: user.unit.path,
    unitName: user.unit.name,
    ip,
  };
}
