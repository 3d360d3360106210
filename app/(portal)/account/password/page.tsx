import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/shell/client-messages";
import { ChangePasswordForm } from "./_components/change-password-form";

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ forced?: string }> }) {
  await requireUser({ allowPasswordChange: true, next: "/account/password" });
  const { forced } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("changeTitle")} />
      {forced ? (
        <div className="mb-4">
          <Alert kind="warning">{t("forcedNotice")}</Alert>
        </div>
      ) : null}
      <Card>
        <ClientMessages namespaces={["auth"]}>
          <ChangePasswordForm />
        </ClientMessages>
      </Card>
    </div>
  );
}
