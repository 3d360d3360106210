import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/table";
import { listMissingServiceStart, listRequests } from "@/lib/leave/queries";
import { LEAVE_STATUSES, LEAVE_TYPES, listRequestsSchema } from "@/lib/leave/schemas";
import { shanghaiDate, shanghaiYear } from "@/lib/time";
import { setServiceStartAction } from "../actions";
import { ExportLinks } from "../_components/export-links";
import { RequestItem } from "../_components/request-item";
import { LeaveNav } from "../_components/sub-nav";

export default async function HrLeavePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePagePermission("leave.hr", "/leave/hr");
  const raw = await searchParams;
  const parsed = listRequestsSchema.safeParse({ ...raw, scope: "unit" });
  const q = parsed.success ? parsed.data : listRequestsSchema.parse({ scope: "unit" });
  const year = q.year ?? shanghaiYear(new Date());
  const [t, tc, res, missing] = await Promise.all([
    getTranslations("leave"),
    getTranslations("common"),
    listRequests(actor, { ...q, year, scope: "unit", pageSize: 30 }),
    listMissingServiceStart(actor, 30),
  ]);
  const pages = Math.max(1, Math.ceil(res.total / res.pageSize));
  const href = (p: number) => {
    const s = new URLSearchParams({ year: String(year), page: String(p) });
    if (q.status) s.set("status", q.status);
    if (q.type) s.set("type", q.type);
    if (q.q) s.set("q", q.q);
    return `/leave/hr?${s}`;
  };
  return (
    <>
      <PageHeader title={t("hr.title")} subtitle={t("hr.subtitle")} actions={<ExportLinks year={year} />} />
      <LeaveNav actor={actor} current="/leave/hr" />
      <Card className="mb-4">
        <form method="get" className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end">
          <label className="text-sm">
            {t("fields.year")}
            <Input name="year" type="number" min={2000} max={2100} defaultValue={year} className="sm:w-28" />
          </label>
          <label className="text-sm">
            {t("fields.status")}
            <Select name="status" defaultValue={q.status ?? ""}>
              <option value="">{t("fields.allStatuses")}</option>
              {LEAVE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </Select>
          </label>
          <label className="text-sm">
            {t("fields.type")}
            <Select name="type" defaultValue={q.type ?? ""}>
              <option value="">{t("fields.allTypes")}</option>
              {LEAVE_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`types.${s}`)}
                </option>
              ))}
            </Select>
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
      <Card>
        {res.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("hr.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="hr-leave">
            {res.items.map((r) => (
              <RequestItem key={r.id} r={r} showPerson />
            ))}
          </ul>
        )}
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
      </Card>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Card title={t("hr.serviceTitle")}>
          <p className="mb-3 text-xs text-slate-600">{t("hr.serviceHint")}</p>
          <ActionForm action={setServiceStartAction} submitLabel={t("hr.serviceSave")} successText={t("hr.serviceSaved")}>
            <Field label={t("fields.badgeNo")} htmlFor="svc-badge">
              <Input id="svc-badge" name="badgeNo" required maxLength={20} />
            </Field>
            <FieldError name="badgeNo" />
            <Field label={t("fields.serviceStartDate")} htmlFor="svc-date">
              <Input id="svc-date" name="serviceStartDate" type="date" required max={shanghaiDate(new Date())} />
            </Field>
            <FieldError name="serviceStartDate" />
          </ActionForm>
        </Card>
        <Card title={missing.total ? t("hr.missing", { n: missing.total }) : t("hr.missingNone")}>
          {missing.items.length ? (
            <ul className="grid grid-cols-2 gap-1 text-sm">
              {missing.items.map((p) => (
                <li key={p.id}>
                  {p.name} <span className="text-xs text-slate-500">{p.badgeNo}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      </div>
    </>
  );
}
