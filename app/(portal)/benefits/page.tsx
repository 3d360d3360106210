import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSessionState, requirePagePermission } from "@/lib/auth/current";
import { FullExportForm, type FullExportLabels } from "./_components/full-export-form";
import { listAuxiliaries, listSubtreeUnits } from "@/lib/benefits/queries";
import { rosterQuerySchema, ROSTER_SORTS } from "@/lib/benefits/schemas";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Pagination, Table, Td } from "@/components/ui/table";
import { BenefitsNav } from "./_components/sub-nav";

export default async function RosterPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePagePermission("benefits.manage", "/benefits");
  const raw = await searchParams;
  const parsed = rosterQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : rosterQuerySchema.parse({});
  const [t, tc, tStepUp, units, res, session] = await Promise.all([
    getTranslations("benefits"),
    getTranslations("common"),
    getTranslations("auth.stepUp"),
    listSubtreeUnits(actor),
    listAuxiliaries(actor, q),
    getSessionState(),
  ]);
  // a client component's module exports only components to the server: its texts are listed here
  const exportLabels: FullExportLabels = {
    done: tStepUp("done"),
    hint: tStepUp("hint"),
    reason: tStepUp("reason"),
    reasonHint: tStepUp("reasonHint"),
    password: tStepUp("password"),
    otp: tStepUp("otp"),
    otpHint: tStepUp("otpHint"),
    format: tStepUp("format"),
    submit: tStepUp("submit"),
  };
  const qs = (over: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...raw, ...over })) if (v !== undefined && v !== "") p.set(k, String(v));
    return p.toString();
  };
  const exportQs = qs({ page: undefined, pageSize: undefined });
  const sortLink = (key: (typeof ROSTER_SORTS)[number], label: string) => (
    <Link
      className="underline-offset-2 hover:underline"
      href={`/benefits?${qs({ sort: key, dir: q.sort === key && q.dir === "asc" ? "desc" : "asc", page: 1 })}`}
    >
      {label}
      {q.sort === key ? (q.dir === "asc" ? " ↑" : " ↓") : ""}
    </Link>
  );
  const pages = Math.max(1, Math.ceil(res.total / res.pageSize));
  return (
    <>
      <PageHeader
        title={t("roster.title")}
        subtitle={t("subtitle")}
        actions={<ButtonLink href="/benefits/new">{t("nav.new")}</ButtonLink>}
      />
      <BenefitsNav current="/benefits" />
      <Card className="mb-4">
        <form className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" method="get">
          <label className="col-span-2 text-sm sm:col-span-1">
            {t("fields.keyword")}
            <Input name="q" defaultValue={q.q ?? ""} />
          </label>
          <label className="text-sm">
            {t("fields.unit")}
            <Select name="unitId" defaultValue={q.unitId ?? ""}>
              <option value="">{t("roster.allUnits")}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {"　".repeat(Math.max(0, u.path.split("/").length - actor.unitPath.split("/").length))}
                  {u.name}
                </option>
              ))}
            </Select>
          </label>
          <label className="text-sm">
            {t("fields.post")}
            <Select name="post" defaultValue={q.post ?? ""}>
              <option value="">{t("roster.all")}</option>
              <option value="DUTY">{t("post.DUTY")}</option>
              <option value="CIVILIAN">{t("post.CIVILIAN")}</option>
            </Select>
          </label>
          <label className="text-sm">
            {t("fields.level")}
            <Input name="level" type="number" min={1} defaultValue={q.level ?? ""} />
          </label>
          <label className="text-sm">
            {t("fields.status")}
            <Select name="status" defaultValue={q.status ?? ""}>
              <option value="">{t("roster.all")}</option>
              <option value="ACTIVE">{t("status.ACTIVE")}</option>
              <option value="LEFT">{t("status.LEFT")}</option>
            </Select>
          </label>
          <label className="text-sm">
            {t("fields.hireYear")}
            <Input name="hireYear" type="number" min={1990} max={2100} defaultValue={q.hireYear ?? ""} />
          </label>
          <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
            <button className="min-h-10 rounded-md bg-police-700 px-4 text-sm text-white">{tc("actions.search")}</button>
            <Link className="min-h-10 px-2 py-2 text-sm text-police-700" href="/benefits">
              {tc("actions.reset")}
            </Link>
          </div>
        </form>
        <div className="no-print mt-3 flex flex-wrap items-center gap-3 text-sm">
          <a className="text-police-700 underline" href={`/api/v1/benefits/exports/roster?format=xlsx&${exportQs}`}>
            {tc("actions.exportXlsx")}
          </a>
          <a className="text-police-700 underline" href={`/api/v1/benefits/exports/roster?format=csv&${exportQs}`}>
            {tc("actions.exportCsv")}
          </a>
        </div>
        <details className="no-print mt-3 text-sm">
          <summary className="cursor-pointer text-amber-800 underline">{t("roster.exportFull")}</summary>
          <FullExportForm
            filters={Object.fromEntries(new URLSearchParams(exportQs))}
            needsOtp={session.ok && session.mfa.enrolled}
            labels={exportLabels}
          />
        </details>
      </Card>
      {res.items.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">{t("roster.empty")}</p>
        </Card>
      ) : (
        <Table
          caption={t("roster.title")}
          head={[
            sortLink("auxNo", t("fields.auxNo")),
            sortLink("name", t("fields.name")),
            t("fields.idNumber"),
            sortLink("unit", t("fields.unit")),
            t("fields.post"),
            sortLink("level", t("fields.level")),
            sortLink("hireDate", t("fields.hireDate")),
            t("fields.status"),
          ]}
        >
          {res.items.map((p) => (
            <tr key={p.id}>
              <Td>
                <Link className="font-mono text-police-700 underline" href={`/benefits/${p.id}`}>
                  {p.auxNo}
                </Link>
              </Td>
              <Td>
                <Link className="text-police-700" href={`/benefits/${p.id}`}>
                  {p.name}
                </Link>
              </Td>
              <Td className="font-mono text-xs">{p.idNumberMasked}</Td>
              <Td>{p.unit.name}</Td>
              <Td>{t(`post.${p.post}`)}</Td>
              <Td>{p.level}</Td>
              <Td>{p.hireDate}</Td>
              <Td>
                <Badge tone={p.status === "ACTIVE" ? "green" : "slate"}>{t(`status.${p.status}`)}</Badge>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        page={res.page}
        pageSize={res.pageSize}
        total={res.total}
        hrefFor={(p) => `/benefits?${qs({ page: p })}`}
        labels={{
          prev: tc("actions.prev"),
          next: tc("actions.next"),
          summary: t("roster.summary", { total: res.total, page: res.page, pages }),
        }}
      />
    </>
  );
}
