import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listMyTeaching } from "@/lib/training/queries";
import { Badge, Card, PageHeader } from "@/components/ui/card";

export default async function TeachPage() {
  const actor = await requirePagePermission("training.teach", "/training/teach");
  const [t, format, sessions] = await Promise.all([getTranslations("training"), getFormatter(), listMyTeaching(actor)]);
  return (
    <>
      <PageHeader title={t("teach.title")} />
      <Card>
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("teach.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-2 py-3 text-sm">
                <Link className="font-medium text-police-700 underline" href={`/training/${s.id}`}>
                  {s.title}
                </Link>
                <Badge>{t(`status.${s.status}`)}</Badge>
                <span className="text-slate-500">
                  {format.dateTime(s.startsAt, "short")} · {s.enrolledCount}/{s.capacity}
                </span>
                <span className="ml-auto flex gap-3">
                  <Link className="text-police-700 underline" href={`/training/${s.id}/roster`}>
                    {t("session.roster")}
                  </Link>
                  {s.status === "PUBLISHED" ? (
                    <Link className="text-police-700 underline" href={`/training/${s.id}/qr`}>
                      {t("session.qr")}
                    </Link>
                  ) : null}
                  <Link className="text-police-700 underline" href={`/training/${s.id}/sheet`}>
                    {t("session.sheet")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
