import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { dayToDate } from "@/lib/leave/calendar";
import type { LeaveRequestDto } from "@/lib/leave/queries";

const TONE = { PENDING: "amber", APPROVED: "green", REJECTED: "red", CANCELLED: "slate" } as const;

export async function StatusBadge({ status }: { status: LeaveRequestDto["status"] }) {
  const t = await getTranslations("leave.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}

/** "2026年12月8日（周二）至 12月10日（周四）" */
export async function DateRange({ from, to }: { from: string; to: string }) {
  const format = await getFormatter();
  const f = (d: string, withYear: boolean) =>
    format.dateTime(dayToDate(d), { ...(withYear ? { year: "numeric" } : {}), month: "long", day: "numeric", weekday: "short" });
  return (
    <span>
      {f(from, true)}
      {to !== from ? ` – ${f(to, from.slice(0, 4) !== to.slice(0, 4))}` : ""}
    </span>
  );
}

/** One request as a card row: who (optional), what, when, how many days, status, then actions. */
export async function RequestItem({ r, showPerson, children }: { r: LeaveRequestDto; showPerson?: boolean; children?: ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("leave"), getFormatter()]);
  return (
    <li className="py-3" data-testid="leave-request">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">
            {showPerson ? (
              <span className="mr-2">
                {r.user.name}
                <span className="ml-1 text-xs font-normal text-slate-500">
                  {r.user.badgeNo} · {r.user.unit.name}
                </span>
              </span>
            ) : null}
            {t(`types.${r.type}`)}
            <span className="ml-2 text-sm font-normal text-slate-700">{t("form.count", { n: r.days })}</span>
          </p>
          <p className="text-sm text-slate-600">
            <DateRange from={r.from} to={r.to} />
          </p>
          {r.reason ? <p className="mt-0.5 text-sm text-slate-700">{r.reason}</p> : null}
          {r.decidedBy && r.decidedAt ? (
            <p className="mt-0.5 text-xs text-slate-500">
              {t("mine.decided", { name: r.decidedBy.name, at: format.dateTime(r.decidedAt, "full") })}
              {r.comment ? ` · ${t("mine.comment", { comment: r.comment })}` : ""}
            </p>
          ) : null}
        </div>
        <StatusBadge status={r.status} />
      </div>
      {children ? <div className="mt-2">{children}</div> : null}
    </li>
  );
}
