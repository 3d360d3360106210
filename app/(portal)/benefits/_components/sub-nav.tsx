import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINKS = [
  ["/benefits", "roster"],
  ["/benefits/dashboard", "dashboard"],
  ["/benefits/pay-import", "payImport"],
  ["/benefits/import", "auxImport"],
  ["/benefits/equipment", "equipment"],
  ["/benefits/campaigns", "campaigns"],
  ["/benefits/promotion", "promotion"],
] as const;

export async function BenefitsNav({ current }: { current: string }) {
  const t = await getTranslations("benefits.nav");
  return (
    <nav className="no-print mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 text-sm" aria-label="benefits">
      {LINKS.map(([href, key]) => (
        <Link
          key={href}
          href={href}
          aria-current={current === href ? "page" : undefined}
          className={`whitespace-nowrap border-b-2 px-3 py-2 ${current === href ? "border-police-700 font-semibold text-police-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
