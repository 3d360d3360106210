import Link from "next/link";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getDayBoard, listClosedDays, listHospitals, listServices, listTemplates } from "@/lib/medical/queries";
import { DAY_MS, shanghaiDate, shanghaiToday } from "@/lib/time";
import { hhmm } from "@/lib/medical/dto";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { ActionForm } from "@/components/ui/action-form";
import { StatusBadge } from "../_components/status-badge";
import { BookingActions } from "./_components/booking-actions";
import {
  capacityAction,
  closeDayAction,
  createSlotAction,
  createTemplateAction,
  deleteTemplateAction,
  generateAction,
  reopenDayAction,
  saveHospitalAction,
  saveServiceAction,
  urgentAction,
} from "../actions";

const TABS = ["day", "urgent", "calendar", "services"] as const;
const paramsSchema = z.object({
  tab: z.enum(TABS).catch("day").default("day"),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  service: z.string().max(40).optional().catch(undefined),
});

export default async function ManagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("medical.manage", "/medical/manage");
  const q = paramsSchema.parse(await searchParams);
  const t = await getTranslations("medical");
  const date = q.date ?? shanghaiToday();
  const services = await listServices(actor, { includeInactive: true });

  return (
    <>
      <PageHeader
        title={t("manage.title")}
        subtitle={t("manage.subtitle")}
        actions={
          <ButtonLink variant="secondary" href="/medical/stats">
            {t("stats.title")}
          </ButtonLink>
        }
      />
      <nav className="mb-4 flex flex-wrap gap-2 no-print" aria-label={t("manage.title")}>
        {TABS.map((tab) => (
          <Link
            key={tab}
            href={`/medical/manage?tab=${tab}${tab === "day" ? `&date=${date}` : ""}`}
            aria-current={q.tab === tab ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm ${q.tab === tab ? "bg-police-700 text-white" : "border border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {t(`manage.tabs.${tab}`)}
          </Link>
        ))}
      </nav>
      {q.tab === "day" ? await DayTab() : null}
      {q.tab === "urgent" ? UrgentTab() : null}
      {q.tab === "calendar" ? await CalendarTab() : null}
      {q.tab === "services" ? await ServicesTab() : null}
    </>
  );

  async function DayTab() {
    const board = await getDayBoard(actor, date, q.service);
    const prev = shanghaiDate(new Date(Date.parse(`${date}T12:00:00+08:00`) - DAY_MS));
    const next = shanghaiDate(new Date(Date.parse(`${date}T12:00:00+08:00`) + DAY_MS));
    return (
      <div className="space-y-4">
        <Card>
          <form className="flex flex-wrap items-end gap-2" method="get">
            <input type="hidden" name="tab" value="day" />
            <Field label={t("manage.day.date")} htmlFor="date">
              <Input id="date" name="date" type="date" defaultValue={date} />
            </Field>
            <Field label={t("fields.service")} htmlFor="service">
              <Select id="service" name="service" defaultValue={q.service ?? ""}>
                <option value="">{t("manage.day.allServices")}</option>
                {services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button variant="secondary" type="submit">
              {t("actions.show")}
            </Button>
            <ButtonLink variant="ghost" href={`/medical/manage?date=${prev}`}>
              {t("manage.day.prev")}
            </ButtonLink>
            <ButtonLink variant="ghost" href={`/medical/manage?date=${next}`}>
              {t("manage.day.next")}
            </ButtonLink>
          </form>
          <div className="mt-3 flex flex-wrap gap-2 text-sm">
            <Badge tone="blue">
              {t("status.BOOKED")} {board.counts.booked}
            </Badge>
            <Badge tone="amber">
              {t("status.CHECKED_IN")} {board.counts.checkedIn}
            </Badge>
            <Badge tone="green">
              {t("status.COMPLETED")} {board.counts.completed}
            </Badge>
            <Badge tone="red">
              {t("status.NO_SHOW")} {board.counts.noShow}
            </Badge>
            <Badge tone="red">
              {t("urgent.badge")} {board.counts.urgent}
            </Badge>
            <span className="ml-auto flex flex-wrap gap-2">
              <a className="text-police-700 underline" href={`/api/v1/medical/day-list?date=${date}&format=xlsx`}>
                {t("manage.day.exportXlsx")}
              </a>
              <a className="text-police-700 underline" href={`/api/v1/medical/day-list?date=${date}&format=csv`}>
                {t("manage.day.exportCsv")}
              </a>
              <Link className="text-police-700 underline" href={`/medical/manage/print?date=${date}`}>
                {t("manage.day.print")}
              </Link>
            </span>
          </div>
        </Card>
        <Table
          head={[
            t("fields.time"),
            t("fields.person"),
            t("fields.unit"),
            t("fields.service"),
            t("fields.status"),
            t("fields.note"),
            t("fields.actions"),
          ]}
          caption={t("manage.day.title")}
        >
          {board.bookings.length === 0 ? (
            <tr>
              <Td className="text-slate-600">{t("manage.day.empty")}</Td>
            </tr>
          ) : (
            board.bookings.map((b) => (
              <tr key={b.id} data-testid={`board-${b.user.badgeNo}`} className={b.urgent ? "bg-red-50" : ""}>
                <Td className="whitespace-nowrap">{hhmm(b.startsAt)}</Td>
                <Td className="whitespace-nowrap">
                  {b.user.name}
                  <span className="block text-xs text-slate-600">{b.user.badgeNo}</span>
                </Td>
                <Td className="min-w-28">{b.user.unit.name}</Td>
                <Td className="whitespace-nowrap">{b.service.name}</Td>
                <Td className="whitespace-nowrap">
                  <StatusBadge status={b.status} urgent={b.urgent} />
                  {b.outcome ? <span className="block text-xs">{t(`outcome.${b.outcome}`)}</span> : null}
                </Td>
                <Td>
                  {b.hasNote ? (
                    <Link className="text-police-700 underline" href={`/medical/bookings/${b.id}`}>
                      {t("manage.day.viewNote")}
                    </Link>
                  ) : (
                    <Link className="text-slate-500 underline" href={`/medical/bookings/${b.id}`}>
                      {t("actions.details")}
                    </Link>
                  )}
                </Td>
                <Td>
                  <BookingActions booking={b} />
                </Td>
              </tr>
            ))
          )}
        </Table>
        <Card title={t("manage.day.slots")}>
          {board.slots.length === 0 ? (
            <p className="text-sm text-slate-600">{t("manage.day.noSlots")}</p>
          ) : (
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {board.slots.map((s) => (
                <li key={s.id} className="rounded border border-slate-200 p-2 text-sm">
                  <p className="font-medium">
                    {hhmm(s.startsAt)}–{hhmm(s.endsAt)} {s.serviceName}
                  </p>
                  <p className="text-slate-600">
                    {t("manage.day.seats", { booked: s.bookedCount, capacity: s.capacity })}
                    {s.closed ? ` · ${t("manage.day.closed")}` : ""}
                  </p>
                  <ActionForm action={capacityAction} submitLabel={t("actions.save")} variant="secondary" inline>
                    <input type="hidden" name="id" value={s.id} />
                    <Input
                      name="capacity"
                      type="number"
                      min={1}
                      max={500}
                      defaultValue={s.capacity}
                      aria-label={t("fields.capacity")}
                      className="w-20"
                    />
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    );
  }

  function UrgentTab() {
    return (
      <Card title={t("urgent.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("urgent.hint")}</p>
        <ActionForm
          action={urgentAction}
          submitLabel={t("urgent.submit")}
          variant="danger"
          successText={t("urgent.done")}
          testId="urgent-form"
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("urgent.badgeNo")} htmlFor="badgeNo">
              <Input id="badgeNo" name="badgeNo" required autoComplete="off" />
            </Field>
            <Field label={t("fields.service")} htmlFor="u-service">
              <Select id="u-service" name="service" defaultValue="GREEN_CHANNEL">
                {services
                  .filter((s) => s.active)
                  .map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name}
                    </option>
                  ))}
              </Select>
            </Field>
            <Field label={t("urgent.startsAt")} htmlFor="startsAt" hint={t("urgent.startsAtHint")}>
              <Input id="startsAt" name="startsAt" type="datetime-local" />
            </Field>
            <Field label={t("urgent.reason")} htmlFor="reason">
              <Input id="reason" name="reason" required maxLength={200} />
            </Field>
          </div>
          <Field label={t("book.note")} htmlFor="u-note" hint={t("urgent.noteHint")}>
            <Textarea id="u-note" name="note" rows={2} maxLength={500} />
          </Field>
        </ActionForm>
      </Card>
    );
  }

  async function CalendarTab() {
    const [templates, closedDays] = await Promise.all([listTemplates(actor), listClosedDays(actor)]);
    const today = shanghaiToday();
    const in4w = shanghaiDate(new Date(Date.now() + 28 * DAY_MS));
    return (
      <div className="space-y-4">
        <Card title={t("calendar.templates")}>
          <Table
            head={[
              t("fields.service"),
              t("calendar.weekday"),
              t("fields.time"),
              t("calendar.slotMinutes"),
              t("fields.capacity"),
              <span key="a" className="sr-only">
                {t("fields.actions")}
              </span>,
            ]}
          >
            {templates.map((tp) => (
              <tr key={tp.id}>
                <Td>{tp.service.name}</Td>
                <Td>{t(`weekdays.${tp.weekday}`)}</Td>
                <Td>
                  {tp.startTime}–{tp.endTime}
                </Td>
                <Td>{tp.slotMinutes}</Td>
                <Td>{tp.capacity}</Td>
                <Td>
                  <ActionForm action={deleteTemplateAction} submitLabel={t("actions.delete")} variant="ghost" inline>
                    <input type="hidden" name="id" value={tp.id} />
                  </ActionForm>
                </Td>
              </tr>
            ))}
          </Table>
          <h3 className="mb-2 mt-4 text-sm font-semibold">{t("calendar.addTemplate")}</h3>
          <ActionForm action={createTemplateAction} submitLabel={t("actions.add")} successText={t("calendar.added")}>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-6">
              <Field label={t("fields.service")} htmlFor="t-service">
                <Select id="t-service" name="serviceId">
                  {services.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("calendar.weekday")} htmlFor="t-weekday">
                <Select id="t-weekday" name="weekday" defaultValue="2">
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <option key={d} value={d}>
                      {t(`weekdays.${d}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("calendar.start")} htmlFor="t-start">
                <Input id="t-start" name="startTime" type="time" defaultValue="08:30" />
              </Field>
              <Field label={t("calendar.end")} htmlFor="t-end">
                <Input id="t-end" name="endTime" type="time" defaultValue="11:30" />
              </Field>
              <Field label={t("calendar.slotMinutes")} htmlFor="t-min">
                <Input id="t-min" name="slotMinutes" type="number" defaultValue={30} min={5} />
              </Field>
              <Field label={t("fields.capacity")} htmlFor="t-cap">
                <Input id="t-cap" name="capacity" type="number" defaultValue={4} min={1} />
              </Field>
            </div>
          </ActionForm>
        </Card>
        <Card title={t("calendar.generate")}>
          <p className="mb-2 text-sm text-slate-600">{t("calendar.generateHint")}</p>
          <ActionForm action={generateAction} submitLabel={t("calendar.generateSubmit")} successText={t("calendar.generated")}>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              <Field label={t("calendar.from")} htmlFor="g-from">
                <Input id="g-from" name="from" type="date" defaultValue={today} />
              </Field>
              <Field label={t("calendar.to")} htmlFor="g-to">
                <Input id="g-to" name="to" type="date" defaultValue={in4w} />
              </Field>
              <Field label={t("fields.service")} htmlFor="g-service">
                <Select id="g-service" name="serviceId">
                  <option value="">{t("manage.day.allServices")}</option>
                  {services.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          </ActionForm>
        </Card>
        <Card title={t("calendar.oneSlot")}>
          <ActionForm action={createSlotAction} submitLabel={t("actions.add")} successText={t("calendar.slotAdded")}>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
              <Field label={t("fields.service")} htmlFor="o-service">
                <Select id="o-service" name="service">
                  {services.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("manage.day.date")} htmlFor="o-date">
                <Input id="o-date" name="date" type="date" required />
              </Field>
              <Field label={t("calendar.start")} htmlFor="o-start">
                <Input id="o-start" name="startTime" type="time" defaultValue="14:00" required />
              </Field>
              <Field label={t("calendar.end")} htmlFor="o-end">
                <Input id="o-end" name="endTime" type="time" defaultValue="14:30" required />
              </Field>
              <Field label={t("fields.capacity")} htmlFor="o-cap">
                <Input id="o-cap" name="capacity" type="number" defaultValue={2} min={1} />
              </Field>
            </div>
          </ActionForm>
        </Card>
        <Card title={t("calendar.closedDays")}>
          <ul className="mb-3 divide-y divide-slate-100 text-sm">
            {closedDays.length === 0 ? (
              <li className="py-2 text-slate-600">{t("calendar.noClosedDays")}</li>
            ) : (
              closedDays.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center gap-2 py-2">
                  <span className="font-medium">{d.date}</span>
                  <span className="text-slate-600">{d.reason}</span>
                  <span className="ml-auto">
                    <ActionForm action={reopenDayAction} submitLabel={t("calendar.reopen")} variant="ghost" inline>
                      <input type="hidden" name="id" value={d.id} />
                    </ActionForm>
                  </span>
                </li>
              ))
            )}
          </ul>
          <ActionForm action={closeDayAction} submitLabel={t("calendar.close")} variant="danger" successText={t("calendar.closedDone")}>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label={t("manage.day.date")} htmlFor="c-date">
                <Input id="c-date" name="date" type="date" required />
              </Field>
              <Field label={t("calendar.reason")} htmlFor="c-reason">
                <Input id="c-reason" name="reason" required maxLength={100} />
              </Field>
            </div>
            <fieldset className="space-y-1 text-sm">
              <legend className="font-medium text-slate-700">{t("calendar.existing")}</legend>
              <label className="flex items-start gap-2">
                <input type="radio" name="existing" value="CANCEL" required className="mt-1" />
                {t("calendar.existingCancel")}
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" name="existing" value="KEEP" className="mt-1" />
                {t("calendar.existingKeep")}
              </label>
            </fieldset>
          </ActionForm>
        </Card>
      </div>
    );
  }

  async function ServicesTab() {
    const hospitals = await listHospitals(actor);
    return (
      <div className="space-y-4">
        <Card title={t("services.hospitals")}>
          <div className="space-y-4">
            {[...hospitals, null].map((h) => (
              <ActionForm
                key={h?.id ?? "new"}
                action={saveHospitalAction}
                submitLabel={h ? t("actions.save") : t("actions.add")}
                variant="secondary"
                successText={t("services.saved")}
              >
                {h ? <input type="hidden" name="id" value={h.id} /> : null}
                <div className="grid gap-3 sm:grid-cols-4">
                  <Field label={t("services.hospitalName")} htmlFor={`h-name-${h?.id ?? "new"}`}>
                    <Input id={`h-name-${h?.id ?? "new"}`} name="name" defaultValue={h?.name} required />
                  </Field>
                  <Field label={t("services.address")} htmlFor={`h-addr-${h?.id ?? "new"}`}>
                    <Input id={`h-addr-${h?.id ?? "new"}`} name="address" defaultValue={h?.address ?? ""} />
                  </Field>
                  <Field label={t("services.phone")} htmlFor={`h-phone-${h?.id ?? "new"}`}>
                    <Input id={`h-phone-${h?.id ?? "new"}`} name="phone" defaultValue={h?.phone ?? ""} />
                  </Field>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="active" defaultChecked={h?.active ?? true} />
                    {t("services.active")}
                  </label>
                </div>
              </ActionForm>
            ))}
          </div>
        </Card>
        <Card title={t("services.title")}>
          <div className="space-y-4">
            {[...services, null].map((s) => (
              <ActionForm
                key={s?.id ?? "new"}
                action={saveServiceAction}
                submitLabel={s ? t("actions.save") : t("actions.add")}
                variant="secondary"
                successText={t("services.saved")}
              >
                {s ? <input type="hidden" name="id" value={s.id} /> : null}
                <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
                  <Field label={t("services.code")} htmlFor={`s-code-${s?.id ?? "new"}`}>
                    <Input id={`s-code-${s?.id ?? "new"}`} name="code" defaultValue={s?.code} required />
                  </Field>
                  <Field label={t("services.name")} htmlFor={`s-name-${s?.id ?? "new"}`}>
                    <Input id={`s-name-${s?.id ?? "new"}`} name="name" defaultValue={s?.name} required />
                  </Field>
                  <Field label={t("services.nameEn")} htmlFor={`s-name-en-${s?.id ?? "new"}`}>
                    <Input id={`s-name-en-${s?.id ?? "new"}`} name="nameEn" defaultValue={s?.nameEn} lang="en" />
                  </Field>
                  <Field label={t("services.hospital")} htmlFor={`s-h-${s?.id ?? "new"}`}>
                    <Select id={`s-h-${s?.id ?? "new"}`} name="hospitalId" defaultValue={s?.hospital.id}>
                      {hospitals.map((h) => (
                        <option key={h.id} value={h.id}>
                          {h.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t("services.quota")} htmlFor={`s-q-${s?.id ?? "new"}`} hint={t("services.quotaHint")}>
                    <Input id={`s-q-${s?.id ?? "new"}`} name="yearlyQuota" type="number" min={1} defaultValue={s?.yearlyQuota ?? ""} />
                  </Field>
                  <Field label={t("services.description")} htmlFor={`s-d-${s?.id ?? "new"}`}>
                    <Input id={`s-d-${s?.id ?? "new"}`} name="description" defaultValue={s?.description ?? ""} />
                  </Field>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="active" defaultChecked={s?.active ?? true} />
                    {t("services.active")}
                  </label>
                </div>
              </ActionForm>
            ))}
          </div>
        </Card>
      </div>
    );
  }
}
