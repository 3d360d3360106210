import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Pagination, Table, Td } from "@/components/ui/table";
import { listBalances } from "@/lib/leave/queries";
import { balancesQuerySchema } from "@/lib/leave/schemas";
import { shanghaiYear } from "@/lib/time";
import { ExportLinks } from "../_components/export-links";
import { LeaveNav } from "../_components/sub-nav";

export default async function BalancesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireUser({ next: "/leave/balances" });
  if (!can(actor, "leave.approve") && !can(actor, "leave.hr")) forbidden();
  const raw = await searchParams;
  const parsed = balancesQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : balancesQuerySchema.parse({});
  const year = q.year ?? shanghaiYear(new Date());
  const [t, tc, res] = await Promise.all([
    getTranslations("leave"),
    getTranslations("common"),
    listBalances(actor, { year, q: q.q, page: q.page, pageSize: 50 }),
  ]);
  const pages = Math.max(1, Math.ceil(res.total / res.pageSize));
  const href = (p: number) => `/leave/balances?${new URLSearchParams({ year: String(year), ...(q.q ? { q: q.q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title={t("balances.title")} subtitle={actor.unitName} actions={<ExportLinks year={year} what="balances" />} />
      <LeaveNav actor={actor} current="/leave/balances" />
      <Card className="mb-4">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            {t("fields.year")}
            <Input name="year" type="number" min={2000} max={2100} defaultValue={year} className="w-28" />
          </label>
          <label className="text-sm">
            {t("fields.keyword")}
            <Input name="q" defaultValue={q.q ?? ""} />
          </label>
          <Button type="submit" variant="secondary">
            {t("balances.search")}
          </Button>
        </form>
      </Card>
      <Table
        caption={t("balances.title")}
        head={[
          t("fields.badgeNo"),
          t("fields.name"),
          t("fields.unit"),
          t("fields.serviceStartDate"),
          t("balances.years"),
          t("balance.entitlement"),
          t("balance.used"),
          t("balance.pending"),
          t("balance.remaining"),
        ]}
      >
        {res.items.map((b) => (
          <tr key={b.user.id}>
            <Td>{b.user.badgeNo}</Td>
            <Td>{b.user.name}</Td>
            <Td>{b.user.unit.name}</Td>
            <Td>{b.serviceStartDate ?? <span className="text-amber-800">{t("balances.unset")}</span>}</Td>
            <Td>{b.serviceYears ?? "—"}</Td>
            <Td>{b.entitlementDays}</Td>
            <Td>{b.usedDays}</Td>
            <Td>{b.pendingDays}</Td>
            <Td className="font-semibold">{b.remainingDays}</Td>
          </tr>
        ))}
      </Table>
      <Pagination
        page={res.page}
        pageSize={res.pageSize}
        total={res.total}
        hrefFor={href}
        labels={{
          prev: tc("actions.prev"),
          next: tc("actions.next"),
          summary: tc("pagination", { total: res.total, page: res.page, pages }),
        }}
      />
    </>
  );
}
