import "server-only";
import { checkSeal, sealRow, type Integrity, type KeyRing, appKeyRing } from "@/lib/crypto";

// The seals over money that matters (issue 9 item 8): a pay line or a case amount changed in the
// database behind the application no longer matches its seal and is shown as 数据校验失败, not
// as genuine. Values are sealed in their canonical text ("1234.50"), in a fixed order.

type Money = { toFixed(digits: number): string } | string | null;
// numeric(12,2) as text ("3000.10") is canonical already; anything else goes through its toFixed
const text = (v: Money) =>
  v === null ? null : typeof v === "string" ? (/^-?\d+\.\d{2}$/.test(v) ? v : Number(v).toFixed(2)) : v.toFixed(2);

const PAY_LINE_SEAL = "pay-line";
const CASE_SEAL = "compensation-case";

export type SealedPayLine = {
  profileId: string;
  month: string;
  base: Money;
  levelAllowance: Money;
  seniorityAllowance: Money;
  performance: Money;
  socialInsurance: Money;
  housingFund: Money;
  deductions: Money;
  net: Money;
};

function payLineValues(l: SealedPayLine): (string | null)[] {
  return [
    l.profileId,
    l.month,
    text(l.base),
    text(l.levelAllowance),
    text(l.seniorityAllowance),
    text(l.performance),
    text(l.socialInsurance),
    text(l.housingFund),
    text(l.deductions),
    text(l.net),
  ];
}

export const sealPayLine = (l: SealedPayLine, ring: KeyRing = appKeyRing) => sealRow(PAY_LINE_SEAL, payLineValues(l), ring);
export const checkPayLine = (l: SealedPayLine & { seal: string | null }, ring: KeyRing = appKeyRing): Integrity =>
  checkSeal(PAY_LINE_SEAL, payLineValues(l), l.seal, ring);

export type SealedCase = { profileId: string; status: string; amountRequested: Money; amountApproved: Money };

function caseValues(c: SealedCase): (string | null)[] {
  return [c.profileId, c.status, text(c.amountRequested), text(c.amountApproved)];
}

export const sealCase = (c: SealedCase, ring: KeyRing = appKeyRing) => sealRow(CASE_SEAL, caseValues(c), ring);
export const checkCase = (c: SealedCase & { seal: string | null }, ring: KeyRing = appKeyRing): Integrity =>
  checkSeal(CASE_SEAL, caseValues(c), c.seal, ring);
