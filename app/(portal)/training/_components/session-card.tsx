import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { Badge } from "@/components/ui/card";
import type { SessionDto } from "@/lib/training/queries";

export async function SessionCard({ s }: { s: SessionDto }) {
  const [t, format, locale] = await Promise.all([getTranslations("training"), getFormatter(), getLocale()]);
  const left = s.capacity - s.enrolledCount;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Badge tone="blue">{localized(locale, s.categoryName, s.categoryNameEn)}</Badge>
        <Badge>{t(`format.${s.format}`)}</Badge>
        {s.status !== "PUBLISHED" ? <Badge tone={s.status === "CANCELLED" ? "red" : "slate"}>{t(`status.${s.status}`)}</Badge> : null}
        {s.status === "PUBLISHED" ? (
          left > 0 ? (
            <Badge tone="green">{t("card.seatsLeft", { n: left })}</Badge>
          ) : (
            <Badge tone="amber">
              {t("card.full")} · {t("card.waitlist", { n: s.waitlistCount })}
            </Badge>
          )
        ) : null}
      </div>
      <h2 className="mt-2 text-base font-semibold">
        <Link className="text-police-700 hover:underline" href={`/training/${s.id}`}>
          {s.title}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {format.dateTime(s.startsAt, "full")} · {s.venue}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {t("card.lecturers")}：{s.lecturers.map((l) => (l.affiliation ? `${l.name}（${l.affiliation}）` : l.name)).join("、") || "—"} ·{" "}
        {t("card.hours", { n: s.creditHours })}
      </p>
    </li>
  );
}
