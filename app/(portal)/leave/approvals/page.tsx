import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { yearOf } from "@/lib/leave/calendar";
import { listAway, listBalances, listRequests } from "@/lib/leave/queries";
import { shanghaiDate } from "@/lib/time";
import { decideLeaveAction } from "../actions";
import { ExportLinks } from "../_components/export-links";
import { RequestItem } from "../_components/request-item";
import { LeaveNav } from "../_components/sub-nav";

export default async function ApprovalsPage() {
  const actor = await requirePagePermission("leave.approve", "/leave/approvals");
  const today = shanghaiDate(new Date());
  const [t, pending, recent, away] = await Promise.all([
    getTranslations("leave"),
    listRequests(actor, { scope: "unit", decidable: "1", status: "PENDING", pageSize: 100 }),
    listRequests(actor, { scope: "unit", decidable: "1", pageSize: 100 }),
    listAway(actor, today, today),
  ]);
  const decided = recent.items.filter((r) => r.status !== "PENDING").slice(0, 20);
  // the annual leave each pending requester has left (their pending days already reserved)
  const left = new Map<string, number>();
  for (const y of new Set(pending.items.filter((r) => r.type === "ANNUAL").map((r) => yearOf(r.from)))) {
    const b = await listBalances(actor, { year: y, pageSize: 1000 });
    for (const p of b.items) left.set(`${p.user.id}:${y}`, p.remainingDays);
  }
  const awayToday = away.filter((r) => r.status === "APPROVED");
  return (
    <>
      <PageHeader
        title={t("approvals.title")}
        subtitle={actor.unitName}
        actions={
          <Link className="text-sm text-police-700 underline" href="/leave/calendar">
            {t("approvals.onLeaveToday", { n: awayToday.length })}
          </Link>
        }
      />
      <LeaveNav actor={actor} current="/leave/approvals" />
      <Card title={`${t("approvals.pending")}（${pending.total}）`}>
        {pending.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("approvals.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="pending-approvals">
            {pending.items.map((r) => {
              const key = `${r.user.id}:${yearOf(r.from)}`;
              return (
                <RequestItem key={r.id} r={r} showPerson>
                  {r.type === "ANNUAL" && left.has(key) ? (
                    <p className="mb-2 text-xs text-slate-600">{t("approvals.balanceHint", { year: yearOf(r.from), n: left.get(key)! })}</p>
                  ) : null}
                  <ActionForm action={decideLeaveAction} submitLabel={t("approvals.approve")} className="space-y-2">
                    <input type="hidden" name="id" value={r.id} />
                    <Field label={t("fields.comment")} htmlFor={`comment-${r.id}`} hint={t("fields.commentHint")}>
                      <Textarea id={`comment-${r.id}`} name="comment" rows={1} maxLength={500} />
                    </Field>
                    <button
                      type="submit"
                      name="decision"
                      value="reject"
                      className="mr-2 inline-flex min-h-10 items-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50"
                    >
                      {t("approvals.reject")}
                    </button>
                  </ActionForm>
                </RequestItem>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title={t("approvals.recent")} className="mt-4" actions={<ExportLinks />}>
        {decided.length === 0 ? (
          <p className="text-sm text-slate-600">{t("approvals.recentEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {decided.map((r) => (
              <RequestItem key={r.id} r={r} showPerson />
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
