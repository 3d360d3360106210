import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getDayList } from "@/lib/medical/queries";
import { shanghaiToday } from "@/lib/time";
import { hhmm } from "@/lib/medical/dto";
import { PrintButton } from "@/components/ui/print-button";

// The day list for the hospital on A4: only name, unit, service, time, and the note where its
// owner allowed sharing it (getDayList decides, and audits every note that goes out).
const paramsSchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});

export default async function PrintDayListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("medical.manage", "/medical/manage");
  const { date = shanghaiToday() } = paramsSchema.parse(await searchParams);
  const [t, rows] = await Promise.all([getTranslations("medical"), getDayList(actor, date)]);
  return (
    <div className="bg-white p-4 print:p-0">
      <div className="no-print mb-3">
        <PrintButton label={t("actions.print")} />
      </div>
      <h1 className="text-lg font-bold">{t("print.title", { date })}</h1>
      <p className="mb-3 text-xs text-slate-600">{t("print.subtitle")}</p>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr>
            {[t("fields.time"), t("fields.person"), t("fields.unit"), t("fields.service"), t("print.note")].map((h) => (
              <th key={h} className="border border-slate-400 px-2 py-1 text-left">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="border border-slate-400 px-2 py-1">
                {t("manage.day.empty")}
              </td>
            </tr>
          ) : (
            rows.map((r, i) => (
              <tr key={i} className="break-inside-avoid">
                <td className="border border-slate-400 px-2 py-1 whitespace-nowrap">
                  {hhmm(r.time)}
                  {r.urgent ? ` ${t("urgent.badge")}` : ""}
                </td>
                <td className="border border-slate-400 px-2 py-1">{r.name}</td>
                <td className="border border-slate-400 px-2 py-1">{r.unit}</td>
                <td className="border border-slate-400 px-2 py-1">{r.service}</td>
                <td className="border border-slate-400 px-2 py-1">{r.note}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p className="mt-4 text-xs text-slate-500">{t("print.footer")}</p>
    </div>
  );
}
