import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/shell/client-messages";
import { ChangePasswordForm } from "./_components/change-password-form";

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ forced?: string }> }) {
  await requireUser({ allowPasswordChange: true, allowMfaEnrolment: true });
  const { forced } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("changeTitle")} />
      {forced ? (
        <div className="mb-4">
          <Alert kind="warning">{forced === "expired" ? t("forcedExpired") : t("forcedNotice")}</Alert>
        </div>
      ) : null}
      <Card>
        <ClientMessages namespaces={["auth"]}>
          <ChangePasswordForm />
        </ClientMessages>
      </Card>
      <p className="mt-4 text-center text-sm">
        <Link className="text-police-700 underline" href="/account/mfa">
          {t("mfa.navLabel")}
        </Link>
      </p>
    </div>
  );
}
