import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listCampaigns } from "@/lib/benefits/campaigns";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { BenefitsNav } from "../_components/sub-nav";
import { createCampaignAction } from "../actions";

export default async function CampaignsPage() {
  const actor = await requirePagePermission("benefits.manage", "/benefits/campaigns");
  const [t, tc, campaigns] = await Promise.all([getTranslations("benefits"), getTranslations("common"), listCampaigns(actor)]);
  return (
    <>
      <PageHeader title={t("campaigns.title")} />
      <BenefitsNav current="/benefits/campaigns" />
      <div className="space-y-4">
        {campaigns.length ? (
          <Table
            head={[
              t("campaigns.name"),
              t("fields.unit"),
              t("campaigns.startsOn"),
              t("campaigns.visits"),
              t("campaigns.people"),
              t("campaigns.total"),
            ]}
          >
            {campaigns.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link className="text-police-700 underline" href={`/benefits/campaigns/${c.id}`}>
                    {c.name}
                  </Link>
                </Td>
                <Td>{c.unitName}</Td>
                <Td>
                  {c.startsOn} ~ {c.endsOn}
                </Td>
                <Td>{c.visits}</Td>
                <Td>{c.people}</Td>
                <Td className="font-mono">¥{c.total}</Td>
              </tr>
            ))}
          </Table>
        ) : (
          <Card>
            <p className="text-sm text-slate-600">{t("campaigns.empty")}</p>
          </Card>
        )}
        <Card title={t("campaigns.new")}>
          <ActionForm action={createCampaignAction} submitLabel={tc("actions.create")} className="grid gap-3 sm:grid-cols-4 sm:items-end">
            <label className="text-sm">
              {t("campaigns.name")}
              <Input name="name" required placeholder="2027年春节慰问" />
              <FieldError name="name" />
            </label>
            <label className="text-sm">
              {t("campaigns.startsOn")}
              <Input name="startsOn" type="date" required />
              <FieldError name="startsOn" />
            </label>
            <label className="text-sm">
              {t("campaigns.endsOn")}
              <Input name="endsOn" type="date" required />
              <FieldError name="endsOn" />
            </label>
            <label className="text-sm">
              {t("campaigns.description")}
              <Input name="description" />
            </label>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
