import { getTranslations } from "next-intl/server";

/** Download links of the leave exports (the API routes, same session cookie). */
export async function ExportLinks({ year, what = "both" }: { year?: number; what?: "requests" | "balances" | "both" }) {
  const t = await getTranslations("leave");
  const y = year ? `&year=${year}` : "";
  const link = (href: string, label: string) => (
    <a key={href} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" href={href}>
      {label}
    </a>
  );
  return (
    <span className="no-print flex flex-wrap gap-2">
      {what !== "balances"
        ? [
            link(`/api/v1/leave/exports/requests?format=xlsx${y}`, `${t("approvals.export")} Excel`),
            link(`/api/v1/leave/exports/requests?format=csv${y}`, "CSV"),
          ]
        : null}
      {what !== "requests"
        ? [
            link(`/api/v1/leave/exports/balances?format=xlsx${y}`, `${t("approvals.exportBalances")} Excel`),
            link(`/api/v1/leave/exports/balances?format=csv${y}`, "CSV"),
          ]
        : null}
    </span>
  );
}
