import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function StatusPage({ code, kind }: { code: number; kind: "unauthorized" | "forbidden" | "notFound" }) {
  const t = await getTranslations("common.errors");
  return (
    <main className="flex min-h-[70vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <div className="text-5xl font-bold text-police-700">{code}</div>
        <h1 className="mt-3 text-xl font-semibold">{t(`${kind}Title`)}</h1>
        <p className="mt-2 text-sm text-slate-600">{t(`${kind}Body`)}</p>
        <div className="mt-6 flex justify-center gap-3">
          {kind === "unauthorized" ? (
            <Link href="/login" className="rounded-md bg-police-700 px-4 py-2 text-sm text-white">
              {t("signIn")}
            </Link>
          ) : null}
          <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 text-sm">
            {t("goHome")}
          </Link>
        </div>
      </div>
    </main>
  );
}
