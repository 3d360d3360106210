import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getMedicalStats, MIN_GROUP, type StatsRow } from "@/lib/medical/stats";
import { shanghaiYear } from "@/lib/time";
import { pageQuery } from "@/lib/http/pages";
import { Card, PageHeader } from "@/components/ui/card";
import { DownloadLinks } from "@/components/ui/download-links";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";

const paramsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

export default async function MedicalStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("medical.stats.view", "/medical/stats");
  const q = paramsSchema.parse(pageQuery(await searchParams));
  const [t, stats] = await Promise.all([getTranslations("medical"), getMedicalStats(actor, { year: q.year })]);
  const suppressed = t("stats.suppressed", { n: MIN_GROUP });
  const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

  function Bars({ rows, title }: { rows: StatsRow[]; title: string }) {
    const max = Math.max(1, ...rows.map((r) => r.bookings ?? 0));
    return (
      <Card title={title}>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("stats.none")}</p>
        ) : (
          <Table
            head={[
              title,
              t("stats.bookings"),
              t("stats.people"),
              t("stats.noShowRate"),
              <span key="c" className="sr-only">
                {t("stats.chart")}
              </span>,
            ]}
          >
            {rows.map((r) => (
              <tr key={r.key}>
                <Td className="whitespace-nowrap">{r.label}</Td>
                <Td>{r.bookings ?? suppressed}</Td>
                <Td>{r.people ?? "—"}</Td>
                <Td>{pct(r.noShowRate)}</Td>
                <Td className="w-1/3 min-w-24">
                  {r.bookings !== null ? (
                    <div className="h-3 rounded bg-police-600" style={{ width: `${(r.bookings / max) * 100}%` }} aria-hidden />
                  ) : null}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title={t("stats.title")}
        subtitle={stats.scope === "ALL" ? t("stats.scopeAll") : t("stats.scopeUnit", { unit: actor.unitName })}
      />
      <form method="get" className="mb-4 flex items-end gap-2">
        <Field label={t("stats.year")} htmlFor="year">
          <Input
            id="year"
            name="year"
            type="number"
            defaultValue={stats.year}
            min={2000}
            max={shanghaiYear(new Date()) + 1}
            className="w-28"
          />
        </Field>
        <Button type="submit" variant="secondary">
          {t("actions.show")}
        </Button>
      </form>
      <div className="mb-4 flex flex-wrap gap-3" data-testid="stats-exports">
        {(["service", "month", "unit"] as const).map((table) => (
          <DownloadLinks
            key={table}
            label={t(`statsExport.${table}`)}
            href={`/api/v1/medical/stats/export?year=${stats.year}&table=${table}`}
          />
        ))}
      </div>
      <p className="mb-4 text-sm text-slate-600">
        {stats.exact ? t("stats.privacyExact", { n: MIN_GROUP }) : t("stats.privacy", { n: MIN_GROUP })}
      </p>
      <div className="space-y-4">
        <Card title={t("stats.total")}>
          <p className="text-sm">
            {t("stats.bookings")}: <strong>{stats.total.bookings ?? suppressed}</strong> · {t("stats.people")}:{" "}
            <strong>{stats.total.people ?? "—"}</strong> · {t("stats.noShowRate")}: <strong>{pct(stats.total.noShowRate)}</strong>
          </p>
        </Card>
        {Bars({ rows: stats.byService, title: t("stats.byService") })}
        {Bars({ rows: stats.byMonth, title: t("stats.byMonth") })}
        {Bars({ rows: stats.byUnit, title: t("stats.byUnit") })}
        <Card title={t("stats.quota")}>
          <Table head={[t("fields.service"), t("services.quota"), t("stats.people"), t("stats.exhausted")]}>
            {stats.quota.map((r) => (
              <tr key={r.service}>
                <Td>{r.label}</Td>
                <Td>{r.quota}</Td>
                <Td>{r.people ?? suppressed}</Td>
                <Td>{r.exhausted ?? "—"}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={t("stats.liver")}>
          <p className="text-sm">
            {t("outcome.NORMAL")}: <strong>{stats.liverOutcome.normal ?? suppressed}</strong> · {t("outcome.ABNORMAL_RECHECK")}:{" "}
            <strong>{stats.liverOutcome.abnormal ?? suppressed}</strong>
          </p>
        </Card>
      </div>
    </>
  );
}
