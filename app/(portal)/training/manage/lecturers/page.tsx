import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { pageQuery } from "@/lib/http/pages";
import { listLecturers } from "@/lib/training/lecturers";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { saveLecturerAction } from "../../session-tools-actions";

const params = z.object({
  q: z.string().trim().max(40).optional().catch(undefined),
  inactive: z.enum(["1"]).optional().catch(undefined),
});

// The lecturer registry: internal lecturers and outside experts with their topics; the session
// form picks from it. Sessions taught and the average rating come from the lecture hall itself.
export default async function LecturersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("training.manage", "/training/manage/lecturers");
  const p = params.parse(pageQuery(await searchParams));
  const [t, list] = await Promise.all([getTranslations("training"), listLecturers(actor, { q: p.q, includeInactive: p.inactive === "1" })]);
  return (
    <>
      <PageHeader title={t("lecturers.title")} subtitle={t("lecturers.subtitle")} />
      <Card title={t("lecturers.add")} className="mb-4">
        <ActionForm
          action={saveLecturerAction}
          submitLabel={t("lecturers.save")}
          successText={t("lecturers.saved")}
          className="grid gap-3 sm:grid-cols-3"
        >
          <Field label={t("lecturers.kind")} htmlFor="lec-kind">
            <Select id="lec-kind" name="kind" defaultValue="EXTERNAL">
              <option value="EXTERNAL">{t("lecturers.EXTERNAL")}</option>
              <option value="INTERNAL">{t("lecturers.INTERNAL")}</option>
            </Select>
          </Field>
          <Field label={t("lecturers.badgeNo")} htmlFor="lec-badge">
            <Input id="lec-badge" name="badgeNo" maxLength={20} />
            <FieldError name="badgeNo" />
          </Field>
          <Field label={t("lecturers.name")} htmlFor="lec-name">
            <Input id="lec-name" name="name" maxLength={40} />
            <FieldError name="name" />
          </Field>
          <Field label={t("lecturers.affiliation")} htmlFor="lec-aff">
            <Input id="lec-aff" name="affiliation" maxLength={80} />
            <FieldError name="affiliation" />
          </Field>
          <Field label={t("lecturers.jobTitle")} htmlFor="lec-title">
            <Input id="lec-title" name="title" maxLength={40} />
          </Field>
          <Field label={t("lecturers.topics")} htmlFor="lec-topics">
            <Input id="lec-topics" name="topics" placeholder={t("lecturers.topicsHint")} />
          </Field>
        </ActionForm>
        <p className="mt-2 text-xs text-slate-600">{t("lecturers.hint")}</p>
      </Card>
      <form method="get" className="mb-3 flex flex-wrap items-center gap-2">
        <Input
          name="q"
          defaultValue={p.q ?? ""}
          placeholder={t("lecturers.search")}
          aria-label={t("lecturers.search")}
          className="sm:w-72"
        />
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="inactive" value="1" defaultChecked={p.inactive === "1"} /> {t("lecturers.showInactive")}
        </label>
        <Button type="submit" variant="secondary">
          {t("lecturers.find")}
        </Button>
      </form>
      <Card>
        {list.length === 0 ? (
          <p className="text-sm text-slate-600">{t("lecturers.empty")}</p>
        ) : (
          <Table head={[t("lecturers.name"), t("lecturers.affiliation"), t("lecturers.topics"), t("lecturers.taught"), ""]}>
            {list.map((l) => (
              <tr key={l.id} data-testid="lecturer-row">
                <Td>
                  {l.name} <Badge tone={l.kind === "INTERNAL" ? "blue" : "slate"}>{t(`lecturers.${l.kind}`)}</Badge>
                  {l.badgeNo ? <span className="ml-1 text-xs text-slate-500">{l.badgeNo}</span> : null}
                  {l.title ? <span className="block text-xs text-slate-500">{l.title}</span> : null}
                </Td>
                <Td>{l.affiliation}</Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {l.topics.map((topic) => (
                      <Badge key={topic}>{topic}</Badge>
                    ))}
                  </span>
                </Td>
                <Td className="whitespace-nowrap">
                  {t("lecturers.taughtLine", { n: l.sessions })}
                  {l.average !== null ? ` · ★ ${l.average.toFixed(1)}（${l.ratings}）` : ""}
                </Td>
                <Td>
                  <ActionForm
                    action={saveLecturerAction}
                    submitLabel={l.active ? t("lecturers.disable") : t("lecturers.enable")}
                    variant="secondary"
                    className="inline"
                  >
                    <input type="hidden" name="id" value={l.id} />
                    <input type="hidden" name="kind" value={l.kind} />
                    <input type="hidden" name="badgeNo" value={l.badgeNo ?? ""} />
                    <input type="hidden" name="name" value={l.name} />
                    <input type="hidden" name="affiliation" value={l.affiliation} />
                    <input type="hidden" name="title" value={l.title} />
                    <input type="hidden" name="topics" value={l.topics.join(",")} />
                    <input type="hidden" name="active" value={l.active ? "false" : "true"} />
                  </ActionForm>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
