import Link from "next/link";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { addDays, eachDay, formatCalendarText, indexCalendar, isoWeekday, isWorkingDay } from "@/lib/leave/calendar";
import { OFFICIAL_CALENDARS } from "@/lib/leave/official-calendars";
import { getHolidayYear } from "@/lib/leave/queries";
import { shanghaiYear } from "@/lib/time";
import { loadOfficialAction, saveHolidaysAction } from "../actions";
import { LeaveNav } from "../_components/sub-nav";

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePagePermission("leave.calendar.manage", "/leave/holidays");
  const thisYear = shanghaiYear(new Date());
  const year = yearParam.catch({}).parse(await searchParams).year ?? thisYear;
  const [t, cal] = await Promise.all([getTranslations("leave"), getHolidayYear(actor, year)]);
  const builtIn = OFFICIAL_CALENDARS[year];
  // offer the built-in arrangement only when the year differs from it
  const sameAsBuiltIn =
    !!builtIn &&
    cal.configured &&
    cal.provisional === builtIn.provisional &&
    formatCalendarText(cal.days) === formatCalendarText(builtIn.days);
  const index = indexCalendar(cal.days);
  const names = new Map(cal.days.map((d) => [d.date, d.name]));
  const weekdays = t("calendar.weekdays").split(",");
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  return (
    <>
      <PageHeader title={t("holidays.title")} subtitle={t("holidays.subtitle")} />
      <LeaveNav actor={actor} current="/leave/holidays" />
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={t("fields.year")}>
        {years.map((y) => (
          <Link
            key={y}
            href={`/leave/holidays?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className={`rounded-full border px-4 py-1.5 text-sm ${y === year ? "border-police-700 bg-police-700 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {t("holidays.year", { year: y })}
          </Link>
        ))}
      </nav>
      <div className="mb-4 space-y-2" data-testid="calendar-status">
        {!cal.configured ? (
          <Alert kind="warning">{t("holidays.missing", { year })}</Alert>
        ) : cal.provisional ? (
          <Alert kind="warning">
            <Badge tone="amber">{t("holidays.provisional")}</Badge> {cal.source ? t("holidays.source", { source: cal.source }) : null}
          </Alert>
        ) : (
          <Alert kind="success">
            {t("holidays.official")}
            {cal.source ? `　${t("holidays.source", { source: cal.source })}` : ""}
          </Alert>
        )}
        {builtIn && !sameAsBuiltIn ? (
          <ActionForm
            action={loadOfficialAction}
            submitLabel={t("holidays.loadOfficial", { year })}
            variant="secondary"
            className="space-y-2"
          >
            <input type="hidden" name="year" value={year} />
            <p className="text-xs text-slate-600">{t("holidays.loadOfficialHint", { source: builtIn.source })}</p>
          </ActionForm>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("holidays.edit", { year })}>
          <ActionForm action={saveHolidaysAction} submitLabel={t("holidays.save")} successText={t("holidays.saved")}>
            <input type="hidden" name="year" value={year} />
            <Field label={t("holidays.text")} htmlFor="holiday-text" hint={t("holidays.textHint")}>
              <Textarea
                id="holiday-text"
                name="text"
                rows={14}
                className="font-mono"
                defaultValue={formatCalendarText(cal.days)}
                key={cal.updatedAt?.toISOString() ?? "new"}
              />
            </Field>
            <FieldError name="text" />
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="provisional"
                defaultChecked={cal.configured ? cal.provisional : !builtIn || builtIn.provisional}
              />
              {t("holidays.provisionalLabel")}
            </label>
            <Field label={t("holidays.sourceLabel")} htmlFor="holiday-source">
              <Input id="holiday-source" name="source" maxLength={300} defaultValue={cal.source ?? ""} />
            </Field>
          </ActionForm>
        </Card>
        <Card title={t("holidays.preview")}>
          <p className="mb-2 flex gap-3 text-xs">
            <span className="text-red-700">{t("holidays.legendHoliday")}</span>
            <span className="text-police-700">{t("holidays.legendWorkday")}</span>
          </p>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="holiday-preview">
            {Array.from({ length: 12 }, (_, m) => {
              const first = `${year}-${String(m + 1).padStart(2, "0")}-01`;
              const last = addDays(m === 11 ? `${year + 1}-01-01` : `${year}-${String(m + 2).padStart(2, "0")}-01`, -1);
              return (
                <div key={m}>
                  <p className="mb-1 text-xs font-semibold">{t("calendar.month", { year, month: m + 1 })}</p>
                  <div className="grid grid-cols-7 text-center text-[10px] leading-5">
                    {weekdays.map((w) => (
                      <span key={w} className="text-slate-400">
                        {w}
                      </span>
                    ))}
                    {Array.from({ length: isoWeekday(first) - 1 }, (_, i) => (
                      <span key={`p${i}`} />
                    ))}
                    {eachDay(first, last).map((d) => {
                      const kind = index.get(d);
                      const cls =
                        kind === "HOLIDAY"
                          ? "bg-red-100 text-red-800 font-semibold"
                          : kind === "WORKDAY"
                            ? "bg-police-100 text-police-800 font-semibold"
                            : isWorkingDay(d, index)
                              ? ""
                              : "text-slate-400";
                      return (
                        <span key={d} className={`rounded ${cls}`} title={names.get(d)}>
                          {Number(d.slice(8))}
                        </span>
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </div>
        </Card>
      </div>
    </>
  );
}
