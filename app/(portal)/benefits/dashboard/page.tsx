import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getDashboard } from "@/lib/benefits/stats";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { BenefitsNav } from "../_components/sub-nav";

function Bars({ rows, label }: { rows: { key: string; value: number; text: string }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const w = 640,
    barH = 22,
    gap = 8,
    left = 120;
  const h = rows.length * (barH + gap) + gap;
  return (
    <svg viewBox={`0 0 ${w} ${h}`} className="w-full" role="img" aria-label={label}>
      {rows.map((r, i) => {
        const y = gap + i * (barH + gap);
        const bw = ((w - left - 110) * r.value) / max;
        return (
          <g key={r.key}>
            <text x={left - 8} y={y + barH * 0.7} textAnchor="end" fontSize="13" fill="#334155">
              {r.key}
            </text>
            <rect x={left} y={y} width={Math.max(1, bw)} height={barH} rx="3" fill="#1d4ed8" />
            <text x={left + bw + 6} y={y + barH * 0.7} fontSize="12" fill="#0f172a">
              {r.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export default async function DashboardPage() {
  const actor = await requirePagePermission("benefits.manage", "/benefits/dashboard");
  const [t, format, d] = await Promise.all([getTranslations("benefits"), getFormatter(), getDashboard(actor)]);
  const total = d.headcountByUnit.reduce((s, r) => s + r.count, 0);
  return (
    <>
      <PageHeader title={t("dashboard.title")} subtitle={`${actor.unitName} · ${t("status.ACTIVE")} ${total}`} />
      <BenefitsNav current="/benefits/dashboard" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t("dashboard.payTotals")}>
          {d.payByMonth.length ? (
            <Bars
              label={t("dashboard.payTotals")}
              rows={d.payByMonth.map((p) => ({ key: p.month, value: Number(p.total), text: `¥${p.totalText}` }))}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
          )}
        </Card>
        <Card title={t("dashboard.headcountUnit")}>
          {d.headcountByUnit.length ? (
            <Bars
              label={t("dashboard.headcountUnit")}
              rows={d.headcountByUnit.map((u) => ({ key: u.name, value: u.count, text: String(u.count) }))}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
          )}
        </Card>
        <Card title={t("dashboard.headcountLevel")}>
          <Bars
            label={t("dashboard.headcountLevel")}
            rows={d.headcountByLevel.map((l) => ({ key: `${t("fields.level")} ${l.level}`, value: l.count, text: String(l.count) }))}
          />
        </Card>
        <Card title={t("dashboard.cases")}>
          <Table head={[t("fields.status"), t("dashboard.count"), t("dashboard.amount")]}>
            {d.casesByStatus.map((c) => (
              <tr key={c.status}>
                <Td>{t(`caseStatus.${c.status}`)}</Td>
                <Td>{c.count}</Td>
                <Td className="font-mono">¥{c.total}</Td>
              </tr>
            ))}
          </Table>
          <p className="mt-3 text-sm">
            <Link className="text-police-700 underline" href="/benefits/equipment">
              {t("dashboard.owed")}：{d.equipmentOwed} · {t("dashboard.dueSoon")}：{d.equipmentDueSoon}
            </Link>
          </p>
        </Card>
        <Card title={t("dashboard.openCases")} className="lg:col-span-2">
          {d.openCases.length ? (
            <Table
              head={[
                t("fields.auxNo"),
                t("fields.name"),
                t("cases.kind"),
                t("profile.recordTitle"),
                t("dashboard.amount"),
                t("fields.status"),
              ]}
            >
              {d.openCases.map((c) => (
                <tr key={c.id}>
                  <Td>
                    <Link className="font-mono text-police-700 underline" href={`/benefits/${c.profile.id}?tab=COMPENSATION`}>
                      {c.profile.auxNo}
                    </Link>
                  </Td>
                  <Td>{c.profile.name}</Td>
                  <Td>{t(`caseKind.${c.kind}`)}</Td>
                  <Td>{c.title}</Td>
                  <Td className="font-mono">¥{c.amount}</Td>
                  <Td>{t(`caseStatus.${c.status}`)}</Td>
                </tr>
              ))}
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
          )}
        </Card>
        <Card title={t("dashboard.recent")} className="lg:col-span-2">
          {d.recent.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {d.recent.map((r, i) => (
                <li key={i} className="flex flex-wrap gap-2 py-2">
                  <span className="text-slate-500">{format.dateTime(r.at, "full")}</span>
                  <span>{r.actorName}</span>
                  <span>
                    {t.has(`dashboard.actions.${r.action.replace(/\./g, "_")}`)
                      ? t(`dashboard.actions.${r.action.replace(/\./g, "_")}`)
                      : r.action}
                  </span>
                  <span>{r.target}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
          )}
        </Card>
      </div>
    </>
  );
}
