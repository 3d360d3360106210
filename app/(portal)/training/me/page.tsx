import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { shanghaiYear } from "@/lib/time";
import { getMyTraining, type MyEnrollmentDto } from "@/lib/training/queries";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";

export default async function MyTrainingPage() {
  const actor = await requirePagePermission("training.book", "/training/me");
  const [t, format, mine] = await Promise.all([getTranslations("training"), getFormatter(), getMyTraining(actor)]);
  const h = mine.creditHours;
  // earlier years are on the printable transcript
  const thisYear = (items: MyEnrollmentDto[]) => items.filter((e) => shanghaiYear(e.session.startsAt) === h.year);
  const pct = h.required ? Math.min(100, Math.round((h.thisYear / h.required) * 100)) : 100;
  const list = (items: MyEnrollmentDto[], extra?: (e: MyEnrollmentDto) => React.ReactNode) =>
    items.length === 0 ? (
      <p className="text-sm text-slate-500">{t("me.none")}</p>
    ) : (
      <ul className="divide-y divide-slate-100">
        {items.map((e) => (
          <li key={e.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
            <Link className="text-police-700 underline" href={`/training/${e.session.id}`}>
              {e.session.title}
            </Link>
            <span className="text-slate-500">{format.dateTime(e.session.startsAt, "short")}</span>
            {extra?.(e)}
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <PageHeader
        title={t("me.title")}
        actions={
          <span className="flex flex-wrap gap-2">
            <a className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" href="/api/v1/training/me/calendar.ics">
              {t("me.icsAll")}
            </a>
            <ButtonLink variant="secondary" href="/training/me/transcript">
              {t("me.transcript")}
            </ButtonLink>
          </span>
        }
      />
      <Card>
        <p className="text-lg font-semibold">
          {t("me.hoursThisYear", { year: h.year })}：{h.thisYear}
        </p>
        {h.required ? (
          <>
            <p className="text-sm text-slate-600">
              {t("me.required", { n: h.required })} · {t("me.progress", { pct })}
            </p>
            <div
              className="mt-2 h-3 w-full rounded bg-slate-100"
              role="progressbar"
              aria-label={t("me.progressLabel")}
              aria-valuenow={pct}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <div className="h-3 rounded bg-police-600" style={{ width: `${pct}%` }} />
            </div>
          </>
        ) : null}
        <p className="mt-3 text-sm font-medium">{t("me.byCategory")}</p>
        <ul className="mt-1 flex flex-wrap gap-2 text-sm">
          {Object.entries(h.byCategory).map(([k, v]) => (
            <li key={k}>
              <Badge tone="blue">
                {v.name} {v.hours}
              </Badge>
            </li>
          ))}
        </ul>
      </Card>
      {mine.toRate.length ? (
        <Card title={t("me.toRate")} className="mt-4">
          <p className="mb-2 text-sm text-slate-600">{t("me.toRateHint")}</p>
          {list(mine.toRate, (e) => (
            <Link className="text-police-700 underline" href={`/training/${e.session.id}#feedback`}>
              {t("me.rate")}
            </Link>
          ))}
        </Card>
      ) : null}
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Card title={t("me.upcoming")}>{list(mine.upcoming)}</Card>
        {mine.pendingCredit.length ? (
          <Card title={t("me.pendingCredit")}>
            <p className="mb-2 text-xs text-slate-500">{t("me.pendingCreditHint")}</p>
            {list(mine.pendingCredit, (e) => (
              <Badge tone="amber">{e.session.creditHours}</Badge>
            ))}
          </Card>
        ) : null}
        <Card title={t("me.waitlisted")}>
          {list(mine.waitlisted, (e) => (
            <Badge tone="amber">#{e.waitlistPosition}</Badge>
          ))}
        </Card>
        <Card title={`${t("me.attended")} · ${h.year}`}>
          {list(thisYear(mine.attended), (e) => (
            <>
              <Badge tone="green">{e.session.creditHours}</Badge>
              <Link className="text-police-700 underline" href={`/training/me/certificates/${e.id}`}>
                {t("me.certificate")}
              </Link>
            </>
          ))}
        </Card>
        <Card title={`${t("me.missed")} · ${h.year}`}>{list(thisYear(mine.missed))}</Card>
      </div>
    </>
  );
}
