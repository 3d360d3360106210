import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getMyTraining } from "@/lib/training/queries";
import { PrintButton } from "@/components/ui/print-button";

export default async function TranscriptPage() {
  const actor = await requirePagePermission("training.book", "/training/me/transcript");
  const [t, format, mine] = await Promise.all([getTranslations("training"), getFormatter(), getMyTraining(actor)]);
  return (
    <div className="mx-auto max-w-[210mm] bg-white p-4 print:p-0">
      <style>{"@page { size: A4 portrait; margin: 15mm; }"}</style>
      <div className="no-print mb-3">
        <PrintButton label={t("me.print")} />
      </div>
      <h1 className="text-center text-xl font-bold">{t("me.transcriptTitle")}</h1>
      <p className="mt-2 text-sm">
        {t("me.name")}：{actor.name}　{t("me.badge")}：{actor.badgeNo}　{t("me.unit")}：{actor.unitName}
      </p>
      <table className="mt-3 w-full border-collapse text-sm">
        <thead>
          <tr>
            {[t("session.when"), t("manage.fields.title"), t("session.category"), t("session.hours")].map((x) => (
              <th key={x} className="border border-black px-2 py-1">
                {x}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...mine.attended].reverse().map((e) => (
            <tr key={e.id}>
              <td className="border border-black px-2 py-1">{format.dateTime(e.session.startsAt, "date")}</td>
              <td className="border border-black px-2 py-1">{e.session.title}</td>
              <td className="border border-black px-2 py-1">{e.session.categoryName}</td>
              <td className="border border-black px-2 py-1 text-right">{e.session.creditHours}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={3} className="border border-black px-2 py-1 text-right font-semibold">
              {t("me.total")}
            </td>
            <td className="border border-black px-2 py-1 text-right font-semibold">{mine.creditHours.total}</td>
          </tr>
        </tbody>
      </table>
      <p className="mt-2 text-xs">
        {Object.entries(mine.creditHours.byYear)
          .map(([y, v]) => `${y}：${v}`)
          .join("　")}
      </p>
    </div>
  );
}
