import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { searchAudit } from "@/lib/audit/queries";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Badge, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination, Table, Td } from "@/components/ui/table";

const KEYS = ["actor", "action", "outcome", "from", "to", "page"] as const;

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
      return { result: { items: [], total: 0, page: 1, pageSize: 20 }, error: Object.values(e.fields ?? {})[0] ?? e.message };
    },
  );
  const filters = Object.fromEntries(Object.entries(sp).filter(([k]) => k !== "page"));
  const qs = (page: number) => `?${new URLSearchParams({ ...filters, page: String(page) })}`;
  const tone = { SUCCESS: "green", FAILURE: "amber", DENIED: "red" } as const;
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <ButtonLink variant="secondary" href={`/admin/audit/export?${new URLSearchParams(filters)}`} prefetch={false}>
            {t("exportCsv")}
          </ButtonLink>
        }
      />
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
                </>
              ) : (
                "—"
              )}
            </Td>
            <Td className="font-mono text-xs">{e.action}</Td>
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
              <Badge tone={tone[e.outcome as keyof typeof tone] ?? "slate"}>{t(`outcomes.${e.outcome}`)}</Badge>
            </Td>
          </tr>
        ))}
      </Table>
      {result.items.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("empty")}</p> : null}
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        hrefFor={qs}
        labels={{
          prev: tc("actions.prev"),
          next: tc("actions.next"),
          summary: tc("pagination", {
            total: result.total,
            page: result.page,
            pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
          }),
        }}
      />
    </>
  );
}
