import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/current";
import { isDatabaseUnavailable } from "@/lib/errors";
import { ClientMessages } from "@/components/shell/client-messages";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { signInErrorKey } from "@/lib/auth/sign-in-errors";
import { LoginForm } from "./_components/login-form";

export const metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const { next, error: given } = await searchParams;
  let error = given;
  try {
    if (await getActor()) redirect(safeRedirectPath(next));
  } catch (e) {
    // the database is down: still show the form, saying so, rather than an error page
    if (!isDatabaseUnavailable(e)) throw e;
    error = "UNAVAILABLE";
  }
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-police-800 to-police-700 px-4 py-10">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl">
        <div className="mb-6 text-center">
          <div className="text-3xl font-bold text-police-700">{t("common.appName")}</div>
          <div className="mt-1 text-sm text-slate-600">{t("common.appFullName")}</div>
          <div className="mt-1 text-xs tracking-widest text-slate-500">{t("common.tagline")}</div>
        </div>
        <ClientMessages namespaces={["auth"]}>
          <LoginForm next={safeRedirectPath(next)} initialError={error ? t(`auth.${signInErrorKey(error)}`) : undefined} />
        </ClientMessages>
        <p className="mt-6 text-center text-xs text-slate-500">{t("auth.hint")}</p>
      </div>
    </main>
  );
}
