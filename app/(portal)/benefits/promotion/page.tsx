import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listCandidates, listRules } from "@/lib/benefits/promotion";
import { ASSESSMENTS } from "@/lib/benefits/schemas";
import { ActionForm } from "@/components/ui/action-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { BenefitsNav } from "../_components/sub-nav";
import { decidePromotionAction, saveRuleAction } from "../actions";
import { shanghaiToday } from "@/lib/time";

const EXPORT = "/api/v1/benefits/exports/promotion-candidates";

export default async function PromotionPage() {
  const actor = await requirePagePermission("benefits.manage", "/benefits/promotion");
  const [t, tc, rules, candidates] = await Promise.all([
    getTranslations("benefits"),
    getTranslations("common"),
    listRules(),
    listCandidates(actor),
  ]);
  const today = shanghaiToday();
  return (
    <>
      <PageHeader
        title={t("promotion.title")}
        actions={
          <>
            <a className="text-sm text-police-700 underline" href={`${EXPORT}?format=xlsx`}>
              {tc("actions.exportXlsx")}
            </a>
            <a className="text-sm text-police-700 underline" href={`${EXPORT}?format=csv`}>
              {tc("actions.exportCsv")}
            </a>
          </>
        }
      />
      <BenefitsNav current="/benefits/promotion" />
      <div className="space-y-4">
        <Card title={t("promotion.candidates")}>
          {candidates.length ? (
            <Table
              head={[
                t("fields.auxNo"),
                t("fields.name"),
                t("fields.unit"),
                t("fields.level"),
                t("fields.levelSince"),
                t("promotion.years"),
                t("promotion.lastAssessment"),
                "",
                "",
              ]}
            >
              {candidates.map((c) => (
                <tr key={c.profileId}>
                  <Td>
                    <Link className="font-mono text-police-700 underline" href={`/benefits/${c.profileId}?tab=PROMOTION`}>
                      {c.auxNo}
                    </Link>
                  </Td>
                  <Td>{c.name}</Td>
                  <Td>{c.unitName}</Td>
                  <Td>{c.level}</Td>
                  <Td>{c.levelSince}</Td>
                  <Td>{c.years}</Td>
                  <Td>{c.lastAssessment ? t(`assessment.${c.lastAssessment}`) : "—"}</Td>
                  <Td>
                    {c.eligible ? (
                      <Badge tone="green">{t("promotion.eligible")}</Badge>
                    ) : (
                      <span className="text-xs text-slate-600">{c.reasons.join("；")}</span>
                    )}
                  </Td>
                  <Td>
                    {c.eligible ? (
                      <ActionForm
                        action={decidePromotionAction}
                        submitLabel={t("promotion.approve")}
                        successText={t("promotion.done")}
                        className="flex flex-wrap items-center gap-2"
                      >
                        <input type="hidden" name="profileId" value={c.profileId} />
                        <input type="hidden" name="approve" value="true" />
                        <Input name="decidedOn" type="date" defaultValue={today} className="w-36" aria-label={t("promotion.decidedOn")} />
                      </ActionForm>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("promotion.noRules")}</p>
          )}
        </Card>
        <Card title={t("promotion.rules")}>
          {rules.length ? (
            <Table
              head={[t("promotion.fromLevel"), t("promotion.minYears"), t("promotion.minAssessment"), t("promotion.blockOnDiscipline")]}
            >
              {rules.map((r) => (
                <tr key={r.id}>
                  <Td>
                    {r.fromLevel} → {r.fromLevel + 1}
                  </Td>
                  <Td>{r.minYears}</Td>
                  <Td>{t(`assessment.${r.minAssessment}`)}</Td>
                  <Td>{r.blockOnDiscipline ? "✓" : "—"}</Td>
                </tr>
              ))}
            </Table>
          ) : null}
          <ActionForm
            action={saveRuleAction}
            submitLabel={t("promotion.saveRule")}
            successText={t("promotion.done")}
            className="mt-4 grid gap-3 sm:grid-cols-4 sm:items-end"
          >
            <label className="text-sm">
              {t("promotion.fromLevel")}
              <Input name="fromLevel" type="number" min={1} required defaultValue={1} />
            </label>
            <label className="text-sm">
              {t("promotion.minYears")}
              <Input name="minYears" type="number" min={0} required defaultValue={3} />
            </label>
            <label className="text-sm">
              {t("promotion.minAssessment")}
              <Select name="minAssessment" defaultValue="COMPETENT">
                {ASSESSMENTS.map((a) => (
                  <option key={a} value={a}>
                    {t(`assessment.${a}`)}
                  </option>
                ))}
              </Select>
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="blockOnDiscipline" defaultChecked /> {t("promotion.blockOnDiscipline")}
            </label>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
