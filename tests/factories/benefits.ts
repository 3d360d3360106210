// Factories for the benefits module, shared by tests and the demo seed.
import { randomInt } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { makeIdNumber } from "@/lib/benefits/idcard";
import { idNumberColumns } from "@/lib/benefits/id-columns";
import { sealPayLine, type SealedPayLine } from "@/lib/benefits/integrity";

type Client = Tx | typeof db;

/** A valid GB 11643 number from an Anshan region code (2103xx) with a random birth date and sequence. */
export function randomIdNumber(opts: { gender?: "MALE" | "FEMALE"; birthYear?: number } = {}): string {
  const regions = ["210302", "210303", "210304", "210311", "210321"];
  const y = opts.birthYear ?? 1980 + randomInt(0, 22);
  const birth = `${y}${String(randomInt(1, 13)).padStart(2, "0")}${String(randomInt(1, 29)).padStart(2, "0")}`;
  let seq = randomInt(1, 999);
  if (opts.gender === "MALE" && seq % 2 === 0) seq = seq === 998 ? 997 : seq + 1;
  if (opts.gender === "FEMALE" && seq % 2 === 1) seq = seq + 1;
  return makeIdNumber(regions[randomInt(0, regions.length)]!, birth, seq);
}

let counter = 0;
export function nextAuxNo(): string {
  counter = (counter + 1) % 1000;
  return `T${String(Date.now() % 100000).padStart(5, "0")}${String(counter).padStart(3, "0")}${randomInt(0, 10)}`;
}

/** The stored columns for an ID number: the domain's own (lib/benefits/id-columns.ts). */
export function idColumns(idNumber: string) {
  const columns = idNumberColumns(idNumber);
  if (!columns) throw new Error("invalid id number in a factory");
  return columns;
}

export async function createAuxiliaryProfile(
  input: {
    unitId: string;
    auxNo?: string;
    name?: string;
    idNumber?: string;
    userId?: string | null;
    level?: number;
    levelSince?: string;
    hireDate?: string;
    post?: "DUTY" | "CIVILIAN";
    status?: "ACTIVE" | "LEFT";
    sizes?: Record<string, string>;
    batch?: string;
  },
  client: Client = db,
) {
  const idNumber = input.idNumber ?? randomIdNumber();
  const hire = input.hireDate ?? "2020-03-01";
  return client.auxiliaryProfile.create({
    data: {
      auxNo: input.auxNo ?? nextAuxNo(),
      name: input.name ?? `辅警${randomInt(1000, 9999)}`,
      ...idColumns(idNumber),
      unitId: input.unitId,
      post: input.post ?? "DUTY",
      hireDate: new Date(`${hire}T00:00:00Z`),
      level: input.level ?? 1,
      levelSince: new Date(`${input.levelSince ?? hire}T00:00:00Z`),
      status: input.status ?? "ACTIVE",
      sizes: input.sizes ?? {},
      batch: input.batch ?? null,
      userId: input.userId ?? null,
    },
  });
}

/** A pay line's create data with its integrity seal, as the import writes it. */
export function sealedPayLine<T extends SealedPayLine & { importId: string }>(data: T): T & { seal: string } {
  return { ...data, seal: sealPayLine(data) };
}
