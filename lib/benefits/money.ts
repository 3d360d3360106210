// Money as integer cents (bigint), parsed from text, never through floating point.
const AMOUNT = /^(-)?(\d{1,10})(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450n; null when it is not an amount with at most two decimals. */
export function parseCents(raw: unknown): bigint | null {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return null;
    // spreadsheet cells arrive as doubles: accept them only when they are whole cents
    const scaled = raw * 100;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) return null;
    return BigInt(Math.round(scaled));
  }
  if (typeof raw === "bigint") return raw * 100n;
  const text = String(raw ?? "")
    .trim()
    .replace(/,/g, "")
    .replace(/^¥/, "");
  const m = AMOUNT.exec(text);
  if (!m) return null;
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "").padEnd(2, "0") || "0");
  return m[1] ? -cents : cents;
}

/** 123450n → "1234.50" */
export function formatCents(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const s = `${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
  return neg ? `-${s}` : s;
}

/** A Prisma Decimal (or its string) → cents. */
export function decimalToCents(d: { toFixed(n: number): string } | string | null | undefined): bigint {
  if (d === null || d === undefined) return 0n;
  const c = parseCents(typeof d === "string" ? d : d.toFixed(2));
  if (c === null) throw new Error("not a money amount");
  return c;
}
