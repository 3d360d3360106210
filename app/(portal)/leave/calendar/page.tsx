import Link from "next/link";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/access";
import { forbidden } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { addDays, eachDay, indexCalendar, isoWeekday, isWorkingDay } from "@/lib/leave/calendar";
import { getHolidayYear, listAway, type LeaveRequestDto } from "@/lib/leave/queries";
import { shanghaiDate } from "@/lib/time";
import { DateRange } from "../_components/request-item";
import { LeaveNav } from "../_components/sub-nav";

const monthSchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export default async function LeaveCalendarPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireUser({ next: "/leave/calendar" });
  if (!can(actor, "leave.approve") && !can(actor, "leave.hr")) forbidden();
  const today = shanghaiDate(new Date());
  const q = monthSchema.catch({}).parse(await searchParams);
  const month = q.month ?? today.slice(0, 7);
  const first = `${month}-01`;
  const last = addDays(shiftMonth(month, 1) + "-01", -1);
  const [t, away, cal, todayAway] = await Promise.all([
    getTranslations("leave"),
    listAway(actor, first, last),
    getHolidayYear(actor, Number(month.slice(0, 4))),
    listAway(actor, today, today),
  ]);
  const index = indexCalendar(cal.days);
  const names = new Map(cal.days.map((d) => [d.date, d.name]));
  const days = eachDay(first, last);
  const on = (d: string) => away.filter((r) => r.from <= d && r.to >= d);
  const weekdays = t("calendar.weekdays").split(",");
  const who = (r: LeaveRequestDto) => (
    <span className="inline-flex items-center gap-1">
      <span className="font-medium">{r.user.name}</span>
      <span className="text-xs text-slate-500">{r.user.unit.name}</span>
      <Badge tone={r.status === "APPROVED" ? "green" : "amber"}>
        {t(`types.${r.type}`)}
        {r.status === "PENDING" ? ` · ${t("calendar.pendingMark")}` : ""}
      </Badge>
    </span>
  );
  return (
    <>
      <PageHeader title={t("calendar.title")} subtitle={actor.unitName} />
      <LeaveNav actor={actor} current="/leave/calendar" />
      <Card title={`${t("calendar.today")}（${todayAway.filter((r) => r.status === "APPROVED").length}）`} className="mb-4">
        {todayAway.length === 0 ? (
          <p className="text-sm text-slate-600">{t("calendar.todayEmpty")}</p>
        ) : (
          <ul className="space-y-2" data-testid="away-today">
            {todayAway.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 text-sm">
                {who(r)}
                <span className="text-slate-600">
                  <DateRange from={r.from} to={r.to} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        title={t("calendar.month", { year: Number(month.slice(0, 4)), month: Number(month.slice(5)) })}
        actions={
          <span className="flex gap-2 text-sm">
            <Link className="rounded border px-3 py-1 hover:bg-slate-100" href={`/leave/calendar?month=${shiftMonth(month, -1)}`}>
              {t("calendar.prev")}
            </Link>
            <Link className="rounded border px-3 py-1 hover:bg-slate-100" href={`/leave/calendar?month=${shiftMonth(month, 1)}`}>
              {t("calendar.next")}
            </Link>
          </span>
        }
      >
        <div className="grid grid-cols-7 gap-1 text-center text-xs">
          {weekdays.map((w) => (
            <div key={w} className="py-1 font-medium text-slate-500">
              {w}
            </div>
          ))}
          {Array.from({ length: isoWeekday(first) - 1 }, (_, i) => (
            <div key={`pad${i}`} />
          ))}
          {days.map((d) => {
            const n = on(d);
            const working = isWorkingDay(d, index);
            const kind = index.get(d);
            return (
              <a
                key={d}
                href={n.length ? `#d-${d}` : undefined}
                title={names.get(d)}
                className={`min-h-12 rounded border p-1 ${d === today ? "border-police-700" : "border-slate-200"} ${working ? "bg-white" : "bg-slate-50 text-slate-500"}`}
              >
                <span className="block">
                  {Number(d.slice(8))}
                  {kind ? (
                    <span className={`ml-0.5 ${kind === "HOLIDAY" ? "text-red-700" : "text-police-700"}`}>{t(`kinds.${kind}`)}</span>
                  ) : null}
                </span>
                {n.length ? (
                  <span className="mt-0.5 block rounded bg-amber-100 font-medium text-amber-900">
                    {t("calendar.people", { n: n.length })}
                  </span>
                ) : null}
              </a>
            );
          })}
        </div>
        <div className="mt-4 space-y-3" data-testid="away-by-day">
          {days.filter((d) => on(d).length).length === 0 ? <p className="text-sm text-slate-600">{t("calendar.nobody")}</p> : null}
          {days
            .filter((d) => on(d).length)
            .map((d) => (
              <section key={d} id={`d-${d}`} className="border-t border-slate-100 pt-2">
                <h3 className="text-sm font-semibold">
                  <DateRange from={d} to={d} />
                  {names.get(d) ? <span className="ml-2 text-xs font-normal text-slate-500">{names.get(d)}</span> : null}
                </h3>
                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {on(d).map((r) => (
                    <li key={r.id}>{who(r)}</li>
                  ))}
                </ul>
              </section>
            ))}
        </div>
      </Card>
    </>
  );
}
