import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { orNotFound, pageQuery } from "@/lib/http/pages";
import { localized } from "@/lib/i18n/localized";
import { getMyCurrentTraining, listMyAttended, listMyMissed, type MyHistoryRow } from "@/lib/training/queries";
import { myTrainingPagesSchema } from "@/lib/training/schemas";
import type { Paged } from "@/lib/validation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { Pagination } from "@/components/ui/table";

type Row = Pick<MyHistoryRow, "id"> & { session: Pick<MyHistoryRow["session"], "id" | "title" | "startsAt"> };

export default async function MyTrainingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePagePermission("training.book", "/training/me");
  // the attended and missed histories page apart: ?attended=N&missed=M (lib/training/schemas.ts)
  const pages = myTrainingPagesSchema.parse(pageQuery(await searchParams));
  const [t, tc, format, locale, mine, attended, missed] = await Promise.all([
    getTranslations("training"),
    getTranslations("common"),
    getFormatter(),
    getLocale(),
    orNotFound(getMyCurrentTraining(actor)),
    orNotFound(listMyAttended(actor, pages.attended)),
    orNotFound(listMyMissed(actor, pages.missed)),
  ]);
  const h = mine.creditHours;
  const pct = h.required ? Math.min(100, Math.round((h.thisYear / h.required) * 100)) : 100;
  const list = <E extends Row>(items: E[], extra?: (e: E) => React.ReactNode, when: "short" | "date" = "short") =>
    items.length === 0 ? (
      <p className="text-sm text-slate-500">{t("me.none")}</p>
    ) : (
      <ul className="divide-y divide-slate-100">
        {items.map((e) => (
          <li key={e.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
            <Link className="text-police-700 underline" href={`/training/${e.session.id}`}>
              {e.session.title}
            </Link>
            <span className="text-slate-500">{format.dateTime(e.session.startsAt, when)}</span>
            {extra?.(e)}
          </li>
        ))}
      </ul>
    );
  // history spans every year, so its rows carry the year; a page link keeps the other list's page
  const pageHref = (key: keyof typeof pages, n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...pages, [key]: n })) if (v > 1) q.set(k, String(v));
    return `/training/me${q.size ? `?${q}` : ""}#${key}`;
  };
  const history = (key: "attended" | "missed", paged: Paged<MyHistoryRow>, extra?: (e: MyHistoryRow) => React.ReactNode) => (
    <>
      {list(paged.items, extra, "date")}
      {paged.total > paged.pageSize ? (
        <Pagination
          page={paged.page}
          pageSize={paged.pageSize}
          total={paged.total}
          hrefFor={(n) => pageHref(key, n)}
          labels={{
            prev: tc("actions.prev"),
            next: tc("actions.next"),
            summary: tc("pagination", { total: paged.total, page: paged.page, pages: Math.ceil(paged.total / paged.pageSize) }),
          }}
        />
      ) : null}
    </>
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
                {localized(locale, v.name, v.nameEn)} {v.hours}
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
        <div id="attended">
          <Card title={t("me.attended")}>
            <p className="mb-2 text-xs text-slate-500">{t("me.historyHint")}</p>
            {history("attended", attended, (e) => (
              <>
                <Badge tone="green">{e.session.creditHours}</Badge>
                <Link className="text-police-700 underline" href={`/training/me/certificates/${e.id}`}>
                  {t("me.certificate")}
                </Link>
              </>
            ))}
          </Card>
        </div>
        <div id="missed">
          <Card title={t("me.missed")}>
            <p className="mb-2 text-xs text-slate-500">{t("me.historyHint")}</p>
            {history("missed", missed)}
          </Card>
        </div>
      </div>
    </>
  );
}
