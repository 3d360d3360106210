import Link from "next/link";
import { z } from "zod";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { requirePagePermission } from "@/lib/auth/current";
import { getConsentState, getEligibility, getMyFollowUp, listBookableSlots, listBookings, listServices } from "@/lib/medical/queries";
import { bookingWeeks } from "@/lib/medical/calendar";
import { addDays, mondayOf, shanghaiDate, shanghaiWeekRange } from "@/lib/time";
import { pageQuery } from "@/lib/http/pages";
import { listMyApprovedLeave } from "@/lib/leave/queries";
import { hhmm } from "@/lib/medical/dto";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { Pagination } from "@/components/ui/table";
import { ActionForm } from "@/components/ui/action-form";
import { StatusBadge } from "./_components/status-badge";
import { bookAction, cancelAction } from "./actions";

// week: the Monday (Shanghai calendar) of the one week of slots on screen; any day names its week
const paramsSchema = z.object({
  service: z.string().max(40).optional().catch(undefined),
  week: z.iso.date().optional().catch(undefined),
});

export default async function MedicalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("medical.book", "/medical");
  const q = paramsSchema.parse(pageQuery(await searchParams));
  const now = new Date();
  // a week outside the bookable ones (before this week, beyond the horizon) shows this week
  const weeks = bookingWeeks(now);
  const weekIndex = q.week ? Math.max(0, weeks.indexOf(mondayOf(q.week))) : 0;
  const monday = weeks[weekIndex]!;
  const week = shanghaiWeekRange(monday);
  const [t, format, services, consent, mine, followUp] = await Promise.all([
    getTranslations("medical"),
    getFormatter(),
    listServices(actor),
    getConsentState(actor),
    listBookings(actor, { pageSize: 50 }, { mine: true }),
    getMyFollowUp(actor),
  ]);
  const current = services.find((s) => s.code === q.service) ?? services[0];
  const [eligibility, slots, weekLeave] = current
    ? await Promise.all([
        getEligibility(actor, current.code, now),
        listBookableSlots(actor, current.code, { from: week.start, to: week.end }, now),
        listMyApprovedLeave(actor, monday, addDays(monday, 6)),
      ])
    : [null, [], []];
  const byDay = new Map<string, typeof slots>();
  for (const s of slots) byDay.set(shanghaiDate(s.startsAt), [...(byDay.get(shanghaiDate(s.startsAt)) ?? []), s]);
  const quotaUsed = eligibility?.quota && eligibility.quota.used >= (eligibility.quota.limit ?? Infinity);
  const blocked = !consent.valid || !!eligibility?.active || !!quotaUsed;
  const days = [...byDay.keys()];
  // leave that overlaps the days with slots on screen (read for the whole week, beside the slots)
  const leave = days.length ? weekLeave.filter((l) => l.from <= days[days.length - 1]! && l.to >= days[0]!) : [];
  const onLeave = (day: string) => leave.some((l) => l.from <= day && l.to >= day);
  const [tl, locale] = await Promise.all([getTranslations("leave"), getLocale()]);

  return (
    <>
      <PageHeader
        title={t("book.title")}
        subtitle={t("book.subtitle")}
        actions={
          <>
            <a className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" href="/api/v1/medical/bookings/calendar.ics">
              {t("mine.ics")}
            </a>
            <ButtonLink variant="secondary" href="/medical/consent">
              {t("consent.link")}
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-4">
        {followUp ? (
          <Alert kind="warning">
            {t("followUp.prompt")}{" "}
            <Link className="font-medium underline" href="/medical?service=HEALTH_CONSULT">
              {t("followUp.action")}
            </Link>
          </Alert>
        ) : null}

        <nav aria-label={t("book.services")} className="flex flex-wrap gap-2">
          {services.map((s) => (
            <Link
              key={s.code}
              href={`/medical?service=${s.code}`}
              aria-current={s.code === current?.code ? "page" : undefined}
              className={`rounded-full border px-4 py-2 text-sm ${s.code === current?.code ? "border-police-700 bg-police-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
            >
              {localized(locale, s.name, s.nameEn)}
            </Link>
          ))}
        </nav>

        {current && eligibility ? (
          <Card
            title={localized(locale, current.name, current.nameEn)}
            actions={<span className="text-sm text-slate-600">{current.hospital.name}</span>}
          >
            {current.description ? <p className="mb-3 text-sm text-slate-700">{current.description}</p> : null}
            <p className="mb-3 text-sm text-slate-600">
              {eligibility.quota
                ? t("book.quota", { limit: eligibility.quota.limit ?? 0, used: eligibility.quota.used, year: eligibility.quota.year })
                : t("book.noQuota")}
            </p>
            <div className="mb-3 space-y-2">
              {!consent.valid ? (
                <Alert kind="warning">
                  {consent.given ? t("reasons.consentOutdated") : t("reasons.consent")}{" "}
                  <Link
                    className="font-medium underline"
                    href={`/medical/consent?next=${encodeURIComponent(`/medical?service=${current.code}`)}`}
                  >
                    {t("consent.goGive")}
                  </Link>
                </Alert>
              ) : null}
              {eligibility.active ? (
                <Alert kind="info">{t("reasons.active", { when: format.dateTime(eligibility.active.startsAt, "full") })}</Alert>
              ) : null}
              {leave.map((l) => (
                <Alert key={l.id} kind="warning">
                  {tl("warning.medical", { type: tl(`types.${l.type}`), from: l.from, to: l.to })}
                </Alert>
              ))}
              {quotaUsed ? (
                <Alert kind="info">{t("reasons.quota", { year: eligibility.quota!.year, renews: eligibility.quota!.renewsOn })}</Alert>
              ) : null}
            </div>

            <div className="mb-3">
              <Pagination
                page={weekIndex + 1}
                pageSize={1}
                total={weeks.length}
                hrefFor={(p) => `/medical?service=${current.code}&week=${weeks[p - 1]}`}
                labels={{
                  prev: t("book.prevWeek"),
                  next: t("book.nextWeek"),
                  summary: format.dateTimeRange(week.start, new Date(week.end.getTime() - 1), { month: "short", day: "numeric" }),
                }}
              />
            </div>
            {slots.length === 0 ? (
              <p className="text-sm text-slate-600">{t("book.noSlots")}</p>
            ) : (
              <ActionForm action={bookAction} submitLabel={t("book.submit")} successText={t("book.done")} testId="book-form">
                <fieldset disabled={blocked} className="space-y-3">
                  <legend className="mb-2 text-sm font-medium text-slate-700">{t("book.pickSlot")}</legend>
                  <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                    {[...byDay.entries()].map(([day, daySlots]) => (
                      <div key={day} className="rounded-md border border-slate-200 p-3">
                        <p className="mb-2 text-sm font-semibold">
                          {format.dateTime(daySlots[0]!.startsAt, { month: "long", day: "numeric", weekday: "short" })}
                          {onLeave(day) ? (
                            <span className="ml-2 rounded bg-amber-100 px-1 text-xs font-normal text-amber-900">
                              {tl("warning.onLeaveSlot")}
                            </span>
                          ) : null}
                        </p>
                        <div className="flex flex-wrap gap-2">
                          {daySlots.map((s) => {
                            const free = s.capacity - s.bookedCount;
                            return (
                              <label
                                key={s.id}
                                className={`flex cursor-pointer items-center gap-1 rounded border px-2 py-1 text-sm has-[:checked]:border-police-700 has-[:checked]:bg-police-50 ${free <= 0 ? "cursor-not-allowed opacity-50" : ""}`}
                              >
                                <input type="radio" name="slotId" value={s.id} disabled={free <= 0} required />
                                <span>{hhmm(s.startsAt)}</span>
                                <span className="text-xs text-slate-500">{free > 0 ? t("book.free", { n: free }) : t("book.full")}</span>
                              </label>
                            );
                          })}
                        </div>
                      </div>
                    ))}
                  </div>
                  <Field label={t("book.note")} htmlFor="note" hint={t("book.noteHint")}>
                    <Textarea id="note" name="note" rows={3} maxLength={500} />
                  </Field>
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="shareNote" className="mt-1" />
                    <span>{t("book.shareNote")}</span>
                  </label>
                </fieldset>
              </ActionForm>
            )}
          </Card>
        ) : (
          <Alert>{t("book.noServices")}</Alert>
        )}

        <Card title={t("mine.title")}>
          {mine.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t("mine.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="my-bookings">
              {mine.items.map((b) => (
                <li key={b.id} className="flex flex-wrap items-center gap-2 py-3">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">
                      <Link className="text-police-700 underline" href={`/medical/bookings/${b.id}`}>
                        {localized(locale, b.service.name, b.service.nameEn)}
                      </Link>
                    </p>
                    <p className="text-sm text-slate-600">
                      {format.dateTime(b.startsAt, "full")}
                      {b.outcome ? ` · ${t(`outcome.${b.outcome}`)}` : ""}
                    </p>
                  </div>
                  <StatusBadge status={b.status} urgent={b.urgent} />
                  {b.status === "BOOKED" && !b.urgent ? (
                    <ActionForm
                      action={cancelAction}
                      submitLabel={t("actions.cancel")}
                      variant="secondary"
                      inline
                      confirm={{ text: t("actions.cancelConfirm"), yes: t("actions.confirmYes"), no: t("actions.back") }}
                    >
                      <input type="hidden" name="id" value={b.id} />
                    </ActionForm>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
