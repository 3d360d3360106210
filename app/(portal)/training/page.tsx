import Link from "next/link";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { requireUser } from "@/lib/auth/current";
import { listCategories, listSessions, listSessionsBetween } from "@/lib/training/queries";
import { shanghaiDate, startOfShanghaiDay, shanghaiToday } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/table";
import { SessionCard } from "./_components/session-card";
import { orNotFound, pageQuery } from "@/lib/http/pages";

const params = z.object({
  category: z.string().max(40).optional().catch(undefined),
  format: z.enum(["OFFLINE", "ONLINE", "FIELD_TRIP"]).optional().catch(undefined),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  seatsLeft: z.literal("1").optional().catch(undefined),
  view: z.enum(["list", "calendar"]).default("list").catch("list"),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});

function monthRange(month: string) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return {
    from: startOfShanghaiDay(`${month}-01`),
    to: startOfShanghaiDay(`${next}-01`),
    next,
    prev: m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`,
  };
}

export default async function TrainingBrowsePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireUser({ next: "/training" });
  const p = params.parse(pageQuery(await searchParams));
  const [t, tc] = await Promise.all([getTranslations("training"), getTranslations("common")]);
  const [categories, locale] = await Promise.all([orNotFound(listCategories(actor)), getLocale()]);
  const qs = (over: Record<string, string | undefined>) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries({
      category: p.category,
      format: p.format,
      month: p.month,
      q: p.q,
      seatsLeft: p.seatsLeft,
      view: p.view,
      ...over,
    }))
      if (v) u.set(k, v);
    return `/training?${u}`;
  };
  const month = p.month ?? shanghaiToday().slice(0, 7);
  const range = monthRange(month);
  const filters = (
    <form className="no-print mb-4 grid grid-cols-2 gap-2 sm:grid-cols-6" method="get">
      <input type="hidden" name="view" value={p.view} />
      <Select name="category" defaultValue={p.category ?? ""} aria-label={t("filters.category")}>
        <option value="">
          {t("filters.category")}：{t("filters.all")}
        </option>
        {categories.map((c) => (
          <option key={c.code} value={c.code}>
            {localized(locale, c.name, c.nameEn)}
          </option>
        ))}
      </Select>
      <Select name="format" defaultValue={p.format ?? ""} aria-label={t("filters.format")}>
        <option value="">
          {t("filters.format")}：{t("filters.all")}
        </option>
        {(["OFFLINE", "ONLINE", "FIELD_TRIP"] as const).map((f) => (
          <option key={f} value={f}>
            {t(`format.${f}`)}
          </option>
        ))}
      </Select>
      <Input type="month" name="month" defaultValue={p.month ?? ""} aria-label={t("filters.month")} />
      <Input
        type="search"
        name="q"
        defaultValue={p.q ?? ""}
        placeholder={t("filters.q")}
        aria-label={t("filters.q")}
        className="col-span-2 sm:col-span-1"
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="seatsLeft" value="1" defaultChecked={!!p.seatsLeft} />
        {t("filters.seatsLeft")}
      </label>
      <Button type="submit" variant="secondary">
        {t("filters.apply")}
      </Button>
    </form>
  );
  const viewSwitch = (
    <div className="flex gap-2">
      <ButtonLink variant={p.view === "list" ? "primary" : "secondary"} href={qs({ view: "list" })}>
        {t("filters.list")}
      </ButtonLink>
      <ButtonLink variant={p.view === "calendar" ? "primary" : "secondary"} href={qs({ view: "calendar" })}>
        {t("filters.calendar")}
      </ButtonLink>
    </div>
  );

  if (p.view === "calendar") {
    const sessions = (await listSessionsBetween(actor, range.from, range.to)).filter(
      (s) => (!p.category || s.category === p.category) && (!p.format || s.format === p.format),
    );
    const first = new Date(`${month}-01T00:00:00Z`);
    const lead = (first.getUTCDay() + 6) % 7;
    const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    const cells = Array.from({ length: Math.ceil((lead + days) / 7) * 7 }, (_, i) => i - lead + 1);
    return (
      <>
        <PageHeader title={t("title")} subtitle={t("subtitle")} actions={viewSwitch} />
        {filters}
        <Card
          title={month}
          actions={
            <span className="flex gap-3 text-sm">
              <Link className="text-police-700 underline" href={qs({ month: range.prev })}>
                {t("calendar.prev")}
              </Link>
              <Link className="text-police-700 underline" href={qs({ month: range.next })}>
                {t("calendar.next")}
              </Link>
            </span>
          }
        >
          <div className="grid grid-cols-7 gap-px bg-slate-200 text-xs">
            {t("calendar.weekdays")
              .split(",")
              .map((w) => (
                <div key={w} className="bg-slate-50 p-1 text-center font-medium">
                  {w}
                </div>
              ))}
            {cells.map((d, i) => {
              const date = d >= 1 && d <= days ? `${month}-${String(d).padStart(2, "0")}` : null;
              const today = date ? sessions.filter((s) => shanghaiDate(s.startsAt) === date) : [];
              return (
                <div key={i} className="min-h-16 bg-white p-1 sm:min-h-24">
                  {date ? <div className="text-slate-500">{d}</div> : null}
                  {today.map((s) => (
                    <Link
                      key={s.id}
                      href={`/training/${s.id}`}
                      className="mt-1 block truncate rounded bg-police-50 px-1 text-police-700"
                      title={s.title}
                    >
                      {s.title}
                    </Link>
                  ))}
                </div>
              );
            })}
          </div>
        </Card>
      </>
    );
  }

  const list = await listSessions(actor, {
    category: p.category,
    format: p.format,
    q: p.q,
    seatsLeft: !!p.seatsLeft,
    page: p.page,
    pageSize: 12,
    ...(p.month ? { from: range.from, to: range.to } : { upcoming: true }),
  });
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} actions={viewSwitch} />
      {filters}
      {list.items.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {list.items.map((s) => (
            <SessionCard key={s.id} s={s} />
          ))}
        </ul>
      )}
      <Pagination
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        hrefFor={(n) => qs({ page: String(n) })}
        labels={{
          prev: tc("actions.prev"),
          next: tc("actions.next"),
          summary: tc("pagination", { total: list.total, page: list.page, pages: Math.max(1, Math.ceil(list.total / list.pageSize)) }),
        }}
      />
    </>
  );
}
