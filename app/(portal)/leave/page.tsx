import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { ActionForm } from "@/components/ui/action-form";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { dayToDate } from "@/lib/leave/calendar";
import { getMyLeaveOverview, listRequests } from "@/lib/leave/queries";
import { LEAVE_TYPES } from "@/lib/leave/schemas";
import { cancelLeaveAction, requestLeaveAction } from "./actions";
import { RequestForm } from "./_components/request-form";
import { RequestItem } from "./_components/request-item";
import { LeaveNav } from "./_components/sub-nav";

export default async function MyLeavePage() {
  const actor = await requirePagePermission("leave.request", "/leave");
  const [t, format, overview, mine] = await Promise.all([
    getTranslations("leave"),
    getFormatter(),
    getMyLeaveOverview(actor),
    listRequests(actor, { scope: "mine", pageSize: 50 }),
  ]);
  const [current] = overview.balances;
  const remaining = Object.fromEntries(overview.balances.map((b) => [b.year, b.remainingDays]));
  return (
    <>
      <PageHeader title={t("nav.mine")} subtitle={actor.unitName} />
      <LeaveNav actor={actor} current="/leave" />
      <div className="grid gap-4 md:grid-cols-5">
        <div className="space-y-4 md:col-span-2">
          {overview.balances.map((b, i) => (
            <Card key={b.year} title={t("balance.title", { year: b.year })}>
              <dl className="grid grid-cols-4 gap-2 text-center" data-testid={`balance-${b.year}`}>
                {(
                  [
                    ["entitlement", b.entitlementDays],
                    ["used", b.usedDays],
                    ["pending", b.pendingDays],
                    ["remaining", b.remainingDays],
                  ] as const
                ).map(([k, n]) => (
                  <div key={k} className={`rounded-md p-2 ${k === "remaining" ? "bg-police-50" : "bg-slate-50"}`}>
                    <dt className="text-xs text-slate-600">{t(`balance.${k}`)}</dt>
                    <dd className={`text-lg font-semibold ${k === "remaining" ? "text-police-800" : ""}`} data-testid={`balance-${k}`}>
                      {n}
                    </dd>
                  </div>
                ))}
              </dl>
              {i === 0 ? (
                <p className="mt-3 text-xs text-slate-600">
                  {b.serviceStartDate
                    ? t("balance.service", {
                        date: format.dateTime(dayToDate(b.serviceStartDate), "date"),
                        year: b.year,
                        years: b.serviceYears ?? 0,
                      })
                    : null}
                </p>
              ) : null}
            </Card>
          ))}
          {!current?.serviceStartDate ? <Alert kind="warning">{t("balance.noService")}</Alert> : null}
          <p className="text-xs text-slate-500">{t("balance.rule")}</p>
        </div>
        <Card title={t("form.title")} className="md:col-span-3">
          <p className="mb-3 text-sm text-slate-600">
            {overview.approvers.length
              ? t("form.approvers", { names: overview.approvers.map((a) => `${a.name}（${a.unitName}）`).join("、") })
              : t("form.noApprover")}
          </p>
          <RequestForm
            action={requestLeaveAction}
            types={LEAVE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
            calendars={overview.calendars}
            remaining={remaining}
            today={overview.today}
            labels={{
              type: t("fields.type"),
              from: t("fields.from"),
              to: t("fields.to"),
              reason: t("fields.reason"),
              reasonHint: t("fields.reasonHint"),
              submit: t("form.submit"),
              done: t("form.done"),
              count: t.raw("form.count") as string,
              countOff: t.raw("form.countOff") as string,
              countMakeup: t.raw("form.countMakeup") as string,
              pickDates: t("form.pickDates"),
              toBeforeFrom: t("form.toBeforeFrom"),
              noWorkingDay: t("form.noWorkingDay"),
              exceeds: t.raw("form.exceeds") as string,
              crossYear: t("form.crossYear"),
              calendarMissing: t.raw("form.calendarMissing") as string,
              calendarProvisional: t.raw("form.calendarProvisional") as string,
            }}
          />
        </Card>
      </div>
      <Card title={t("mine.title")} className="mt-4">
        {mine.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("mine.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="my-leave">
            {mine.items.map((r) => (
              <RequestItem key={r.id} r={r}>
                {(r.status === "PENDING" || r.status === "APPROVED") && overview.today < r.from ? (
                  <ActionForm action={cancelLeaveAction} submitLabel={t("mine.cancel")} variant="secondary" className="space-y-2">
                    <input type="hidden" name="id" value={r.id} />
                  </ActionForm>
                ) : null}
              </RequestItem>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
