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

// Verifying against a fixed hash with the same parameters keeps the time of "no such badge
// number" equal to a wrong password, so response times do not reveal which badge numbers exist.
// A constant, not hashed at first use: the first unknown badge would otherwise take twice as long.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$+r3Rf8Wc02G1QQX2cu67Jg$xWLT3Wsk7Xy9hnWU+Qlp580XGYqK2Q29R9yk9piJ9eE";
export async function burnVerifyTime(password: string): Promise<void> {
  await verifyPassword(DUMMY_HASH, password);
}
