import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm), OWASP-recommended cost: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash keeps the time of "no such badge number" equal to a wrong
// password, so response times do not reveal which badge numbers exist.
let dummy: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword("jingxin-timing-equaliser");
  await verifyPassword(await dummy, password);
}
