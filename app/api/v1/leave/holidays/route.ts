import { NextResponse } from "next/server";
import { apiRoute, readJson, readQuery } from "@/lib/http/api";
import { replaceHolidays } from "@/lib/leave/mutations";
import { getHolidayYear } from "@/lib/leave/queries";
import { shanghaiYear } from "@/lib/time";

const yearOf = (req: Request) => readQuery(req).year || shanghaiYear(new Date());

// [{date, kind, name}] of a year; X-Leave-Calendar says whether it is official, provisional or not entered.
export const GET = apiRoute(async ({ req, actor }) => {
  const y = await getHolidayYear(actor, Number(yearOf(req)));
  return NextResponse.json(y.days, {
    headers: { "x-leave-calendar": !y.configured ? "not-configured" : y.provisional ? "provisional" : "official" },
  });
});

// HR replaces the year's calendar; the body is GET's array, or {days, provisional?, source?}.
export const PUT = apiRoute(async ({ req, actor }) => {
  const year = yearOf(req);
  const result = await replaceHolidays(actor, year, await readJson(req));
  const y = await getHolidayYear(actor, result.year);
  return NextResponse.json(y.days, { headers: { "x-leave-recounted": String(result.recounted) } });
});
