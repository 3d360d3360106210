import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { requirePagePermission } from "@/lib/auth/current";
import { getTrainingStats } from "@/lib/training/stats";
import { shanghaiYear } from "@/lib/time";
import { DownloadLinks } from "@/components/ui/download-links";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

const params = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

/** A plain server-rendered SVG bar chart (no chart library). */
function Bars({ data, label }: { data: { label: string; value: number }[]; label: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const h = 24;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 400 ${data.length * h}`} className="w-full">
      {data.map((d, i) => (
        <g key={i} transform={`translate(0 ${i * h})`}>
          <text x="0" y="16" fontSize="11" fill="#334155">
            {d.label}
          </text>
          <rect x="110" y="4" height="16" width={Math.max(1, (d.value / max) * 250)} fill="#1d4ed8" rx="2" />
          <text x={116 + (d.value / max) * 250} y="16" fontSize="11" fill="#0f172a">
            {d.value}
          </text>
        </g>
      ))}
    </svg>
  );
}

export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePagePermission("training.manage", "/training/manage/stats");
  const year = params.parse(await searchParams).year ?? shanghaiYear(new Date());
  const [t, s, locale] = await Promise.all([getTranslations("training"), getTrainingStats(actor, year), getLocale()]);
  const tiles = [
    [t("stats.sessions"), s.sessions],
    [t("stats.seats"), s.seats],
    [t("stats.enrolled"), s.enrolled],
    [t("stats.attended"), s.attended],
    [t("stats.rate"), s.attendanceRate === null ? "—" : `${Math.round(s.attendanceRate * 100)}%`],
    [t("stats.hours"), s.creditHours],
  ] as const;
  return (
    <>
      <PageHeader
        title={`${t("stats.title")} · ${year}`}
        actions={
          <span className="flex gap-3 text-sm">
            <a className="text-police-700 underline" href={`?year=${year - 1}`}>
              {year - 1}
            </a>
            <a className="text-police-700 underline" href={`?year=${year + 1}`}>
              {year + 1}
            </a>
          </span>
        }
      />
      <div className="mb-4 flex flex-wrap gap-3" data-testid="stats-exports">
        {(["unit", "category", "month", "lecturer"] as const).map((table) => (
          <DownloadLinks key={table} label={t(`statsExport.${table}`)} href={`/api/v1/training/stats/export?year=${year}&table=${table}`} />
        ))}
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-6">
        {tiles.map(([k, v]) => (
          <Card key={k}>
            <p className="text-xs text-slate-500">{k}</p>
            <p className="text-2xl font-semibold" data-testid={`stat-${k}`}>
              {v}
            </p>
          </Card>
        ))}
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title={t("stats.byMonth")}>
          <Bars label={t("stats.byMonth")} data={s.byMonth.map((m) => ({ label: t("stats.month", { m: m.month }), value: m.attended }))} />
        </Card>
        <Card title={t("stats.byCategory")}>
          <Bars
            label={t("stats.byCategory")}
            data={s.byCategory.map((c) => ({ label: `${localized(locale, c.name, c.nameEn)}（${c.sessions}）`, value: c.attended }))}
          />
        </Card>
        <Card title={t("stats.byUnit")}>
          <Bars label={t("stats.byUnit")} data={s.byUnit.map((u) => ({ label: u.unitName, value: u.attended }))} />
        </Card>
        <Card title={t("stats.byLecturer")}>
          <Table head={[t("session.lecturers"), t("stats.sessions"), t("stats.ratings"), t("stats.avg")]}>
            {s.byLecturer.map((l) => (
              <tr key={`${l.name}${l.affiliation}`}>
                <Td>
                  {l.name}
                  {l.affiliation ? `（${l.affiliation}）` : ""}
                </Td>
                <Td>{l.sessions}</Td>
                <Td>{l.ratings}</Td>
                <Td>{l.average?.toFixed(1) ?? "—"}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </>
  );
}
