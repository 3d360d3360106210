// Annual leave entitlement (职工带薪年休假条例 第三条): by completed years of service on 1 January
// of the leave year — under 1 year none, 1 to under 10 five days, 10 to under 20 ten, 20 or more fifteen.
// Pure, so the rule is one function the server, the pages and the tests share.

/** Completed years from the service start date to onDay (both YYYY-MM-DD); never negative. */
export function completedYears(serviceStart: string, onDay: string): number {
  const [sy, sm, sd] = serviceStart.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDay.split("-").map(Number) as [number, number, number];
  let years = y - sy;
  if (m < sm || (m === sm && d < sd)) years -= 1;
  return Math.max(0, years);
}

export function entitlementForYears(years: number): 0 | 5 | 10 | 15 {
  if (years >= 20) return 15;
  if (years >= 10) return 10;
  if (years >= 1) return 5;
  return 0;
}

/** Entitlement of the leave year; no service start date on file means none can be counted. */
export function annualEntitlement(serviceStart: string | null, year: number): { years: number | null; days: 0 | 5 | 10 | 15 } {
  if (!serviceStart) return { years: null, days: 0 };
  const years = completedYears(serviceStart, `${year}-01-01`);
  return { years, days: entitlementForYears(years) };
}
