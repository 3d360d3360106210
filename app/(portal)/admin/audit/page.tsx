import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { searchAudit, type AuditPage as AuditPageData } from "@/lib/audit/queries";
import { verifyAudit, type ChainReport } from "@/lib/audit/chain";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Badge, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";

const FILTERS = ["actor", "action", "outcome", "from", "to"] as const;
const KEYS = [...FILTERS, "cursor", "before"] as const;
const EMPTY: AuditPageData = { items: [], total: 0, totalCapped: false, page: 1, pageSize: 20, nextCursor: null, prevCursor: null };
const linkClass = "rounded border px-3 py-1 hover:bg-slate-100";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePagePermission("audit.view", "/admin/audit");
  const raw = await searchParams;
  const sp = Object.fromEntries(KEYS.map((k) => [k, typeof raw[k] === "string" ? raw[k] : ""]).filter(([, v]) => v)) as Record<
    string,
    string
  >;
  const [t, format] = await Promise.all([getTranslations("admin.audit"), getFormatter()]);
  const tc = await getTranslations("common");
  const { result, error } = await searchAudit(actor, sp).then(
    (result) => ({ result, error: null }),
    (e) => {
      if (!isAppError(e)) throw e;
      return { result: EMPTY, error: Object.values(e.fields ?? {})[0] ?? e.message };
    },
  );
  const report: ChainReport | null = raw.verify === "1" ? await verifyAudit(actor) : null;
  const filters = Object.fromEntries(Object.entries(sp).filter(([k]) => (FILTERS as readonly string[]).includes(k)));
  const qs = (more: Record<string, string>) => `?${new URLSearchParams({ ...filters, ...more })}`;
  const tone = { SUCCESS: "green", FAILURE: "amber", DENIED: "red" } as const;
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <span className="flex flex-wrap gap-2">
            <ButtonLink variant="secondary" href={qs({ verify: "1" })} prefetch={false}>
              {t("verify")}
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/api/v1/audit/export${qs({})}`} prefetch={false}>
              {t("exportCsv")}
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/api/v1/audit/export${qs({ format: "xlsx" })}`} prefetch={false}>
              {t("exportXlsx")}
            </ButtonLink>
          </span>
        }
      />
      {report ? (
        <div className="mb-3">
          {report.ok ? (
            <Alert kind="success">{t("verifyOk", { checked: report.checked })}</Alert>
          ) : (
            <Alert kind="error">
              {report.firstBadId
                ? t("verifyBad", { id: report.firstBadId, problem: report.problem ?? "", checked: report.checked })
                : t("verifyHead", { problem: report.problem ?? "", checked: report.checked })}
            </Alert>
          )}
        </div>
      ) : null}
      <form className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-6" role="search">
        <input name="actor" defaultValue={sp.actor} placeholder={t("actor")} aria-label={t("actor")} className={inputClass} />
        <input name="action" defaultValue={sp.action} placeholder={t("action")} aria-label={t("action")} className={inputClass} />
        <select name="outcome" defaultValue={sp.outcome ?? ""} aria-label={t("outcome")} className={inputClass}>
          <option value="">{t("all")}</option>
          {(["SUCCESS", "FAILURE", "DENIED"] as const).map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </select>
        <input name="from" type="date" defaultValue={sp.from} aria-label={t("from")} className={inputClass} />
        <input name="to" type="date" defaultValue={sp.to} aria-label={t("to")} className={inputClass} />
        <Button type="submit" variant="secondary">
          {tc("actions.search")}
        </Button>
      </form>
      {error ? (
        <div className="mb-3">
          <Alert kind="error">{error}</Alert>
        </div>
      ) : null}
      <Table head={[t("at"), t("actor"), t("action"), t("target"), t("ip"), t("outcome")]}>
        {result.items.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap">{format.dateTime(new Date(e.at), "full")}</Td>
            <Td>
              {e.actor ? (
                <>
                  <span className="font-mono">{e.actor.badgeNo}</span> {e.actor.name}
                  {e.actor.roles.length ? (
                    <span className="block text-xs text-slate-500" title={t("roles")}>
                      {e.actor.roles.join(" ")}
                    </span>
                  ) : null}
                </>
              ) : (
                "—"
              )}
            </Td>
            <Td>
              {e.actionLabel}
              <span className="block font-mono text-xs text-slate-500">{e.action}</span>
            </Td>
            <Td>
              {e.target ?? "—"}
              {e.details ? (
                <details className="text-xs text-slate-500">
                  <summary>{t("details")}</summary>
                  <pre className="whitespace-pre-wrap break-all">{JSON.stringify(e.details, null, 1)}</pre>
                </details>
              ) : null}
            </Td>
            <Td className="font-mono text-xs">{e.ip ?? "—"}</Td>
            <Td>
              <Badge tone={tone[e.outcome as keyof typeof tone] ?? "slate"}>{e.outcomeLabel}</Badge>
            </Td>
          </tr>
        ))}
      </Table>
      {result.items.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("empty")}</p> : null}
      <nav className="mt-3 flex items-center justify-between text-sm" aria-label="pagination">
        <span className="text-slate-600">
          {result.totalCapped ? t("countCapped", { total: result.total }) : t("count", { total: result.total })}
        </span>
        <span className="flex gap-2">
          {result.prevCursor ? (
            <>
              <a className={linkClass} href={qs({})}>
                {t("newest")}
              </a>
              <a className={linkClass} href={qs({ before: result.prevCursor })}>
                {t("newer")}
              </a>
            </>
          ) : null}
          {result.nextCursor ? (
            <a className={linkClass} href={qs({ cursor: result.nextCursor })}>
              {t("older")}
            </a>
          ) : null}
        </span>
      </nav>
    </>
  );
}
