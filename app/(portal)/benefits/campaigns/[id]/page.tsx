import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getCampaign } from "@/lib/benefits/campaigns";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { BenefitsNav } from "../../_components/sub-nav";
import { addVisitAction } from "../../actions";
import { orNotFound, pageId } from "@/lib/http/pages";
import { shanghaiToday } from "@/lib/time";

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requirePagePermission("benefits.manage", `/benefits/campaigns/${id}`);
  const c = await orNotFound(getCampaign(actor, id));
  const [t, tc] = await Promise.all([getTranslations("benefits"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={c.name}
        actions={
          <>
            <a className="text-sm text-police-700 underline" href={`/api/v1/benefits/exports/campaigns/${c.id}?format=xlsx`}>
              {tc("actions.exportXlsx")}
            </a>
            <a className="text-sm text-police-700 underline" href={`/api/v1/benefits/exports/campaigns/${c.id}?format=csv`}>
              {tc("actions.exportCsv")}
            </a>
          </>
        }
        subtitle={`${c.unitName} · ${c.startsOn} ~ ${c.endsOn} · ${t("campaigns.visits")} ${c.visits.length} · ${t("campaigns.total")} ¥${c.total}`}
      />
      <BenefitsNav current="/benefits/campaigns" />
      <div className="space-y-4">
        {c.description ? <p className="text-sm text-slate-700">{c.description}</p> : null}
        {c.visits.length ? (
          <Table
            head={[
              t("campaigns.visitedOn"),
              t("fields.auxNo"),
              t("fields.name"),
              t("fields.unit"),
              t("campaigns.visitee"),
              t("campaigns.visitors"),
              t("campaigns.reason"),
              t("campaigns.gift"),
              t("campaigns.amount"),
            ]}
          >
            {c.visits.map((v) => (
              <tr key={v.id}>
                <Td>{v.visitedOn}</Td>
                <Td>
                  <Link className="font-mono text-police-700 underline" href={`/benefits/${v.profile.id}?tab=COMPENSATION`}>
                    {v.profile.auxNo}
                  </Link>
                </Td>
                <Td>{v.profile.name}</Td>
                <Td>{v.profile.unitName}</Td>
                <Td>{v.visitee}</Td>
                <Td>{v.visitors}</Td>
                <Td>{v.reason}</Td>
                <Td>{v.gift ?? ""}</Td>
                <Td className="font-mono">{v.amount ? `¥${v.amount}` : ""}</Td>
              </tr>
            ))}
          </Table>
        ) : (
          <Card>
            <p className="text-sm text-slate-600">{t("campaigns.noVisits")}</p>
          </Card>
        )}
        <Card title={t("campaigns.addVisit")} className="no-print">
          <ActionForm
            action={addVisitAction}
            submitLabel={tc("actions.save")}
            successText={t("profile.saved")}
            className="grid gap-3 sm:grid-cols-4"
          >
            <input type="hidden" name="campaignId" value={c.id} />
            <label className="text-sm">
              {t("fields.auxNo")}
              <Input name="auxNo" required placeholder="F00001" />
              <FieldError name="auxNo" />
            </label>
            <label className="text-sm">
              {t("campaigns.visitedOn")}
              <Input name="visitedOn" type="date" required defaultValue={shanghaiToday()} />
            </label>
            <label className="text-sm">
              {t("campaigns.visitee")}
              <Input name="visitee" required defaultValue="本人" />
              <FieldError name="visitee" />
            </label>
            <label className="text-sm">
              {t("campaigns.visitors")}
              <Input name="visitors" required />
              <FieldError name="visitors" />
            </label>
            <label className="text-sm sm:col-span-2">
              {t("campaigns.reason")}
              <Input name="reason" required defaultValue={c.name} />
            </label>
            <label className="text-sm">
              {t("campaigns.gift")}
              <Input name="gift" />
            </label>
            <label className="text-sm">
              {t("campaigns.amount")}
              <Input name="amount" inputMode="decimal" />
              <FieldError name="amount" />
            </label>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
