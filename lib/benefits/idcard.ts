import { DAY_MS } from "@/lib/time";

// GB 11643-1999 citizen identity numbers: 6-digit region, 8-digit birth date, 3-digit sequence
// (odd = male), and an ISO 7064 MOD 11-2 check character. Pure; unit-tested.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function checkCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdCheck =
  | { ok: true; normalized: string; birthDate: string; gender: "MALE" | "FEMALE" }
  | { ok: false; reason: "FORMAT" | "BIRTH_DATE" | "CHECK_DIGIT" };

/** Validates an 18-character ID number; `today` bounds the plausible birth date (age 16–70). */
export function checkIdNumber(raw: string, today = new Date()): IdCheck {
  const id = raw.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return { ok: false, reason: "FORMAT" };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, reason: "BIRTH_DATE" };
  const age = (today.getTime() - date.getTime()) / (365.25 * DAY_MS);
  if (age < 16 || age > 70) return { ok: false, reason: "BIRTH_DATE" };
  if (checkCharOf(id.slice(0, 17)) !== id[17]) return { ok: false, reason: "CHECK_DIGIT" };
  return {
    ok: true,
    normalized: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? "MALE" : "FEMALE",
  };
}

export const ID_ERRORS: Record<"FORMAT" | "BIRTH_DATE" | "CHECK_DIGIT", string> = {
  FORMAT: "身份证号应为18位（最后一位可为X）",
  BIRTH_DATE: "身份证号中的出生日期不合理",
  CHECK_DIGIT: "身份证号校验码错误",
};

/** "2103**********1234": region prefix and last four only. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}${"*".repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;
}

/** A valid number for tests and the demo seed: region, birth date (YYYYMMDD), sequence 001–999. */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, "0")}`;
  return first17 + checkCharOf(first17);
}
