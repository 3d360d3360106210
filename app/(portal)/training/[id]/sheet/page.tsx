import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { getSession, listSignInSheet } from "@/lib/training/queries";
import { PrintButton } from "@/components/ui/print-button";
import { orNotFound, pageId } from "@/lib/http/pages";

// The 签到表: an A4 page with one signature line per enrolled officer.
export default async function SignInSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requireUser({ next: `/training/${id}/sheet` });
  const [session, enrolled] = await orNotFound(Promise.all([getSession(actor, id), listSignInSheet(actor, id)]));
  const [t, format] = await Promise.all([getTranslations("training"), getFormatter()]);
  return (
    <div className="mx-auto max-w-[210mm] bg-white p-4 print:p-0">
      <style>{"@page { size: A4 portrait; margin: 15mm; }"}</style>
      <div className="no-print mb-3">
        <PrintButton label={t("me.print")} />
      </div>
      <h1 className="text-center text-xl font-bold">
        {session.title}　{t("roster.sheetTitle")}
      </h1>
      <p className="mt-1 text-center text-sm">
        {format.dateTime(session.startsAt, "full")} · {session.venue} · {session.lecturers.map((l) => l.name).join("、")}
      </p>
      <table className="mt-4 w-full border-collapse text-sm">
        <thead>
          <tr>
            {["#", t("roster.badge"), t("roster.name"), t("roster.unit"), t("roster.signature")].map((h) => (
              <th key={h} className="border border-black px-2 py-1">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {enrolled.map((r, i) => (
            <tr key={r.id} className="break-inside-avoid">
              <td className="border border-black px-2 py-2 text-center">{i + 1}</td>
              <td className="border border-black px-2 py-2">{r.user.badgeNo}</td>
              <td className="border border-black px-2 py-2">{r.user.name}</td>
              <td className="border border-black px-2 py-2">{r.user.unitName}</td>
              <td className="w-1/3 border border-black px-2 py-2" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
