import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getSession, listCategories, listUnitOptions } from "@/lib/training/queries";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { listLecturers } from "@/lib/training/lecturers";
import { SessionForm } from "../../_components/session-form";
import { sessionStatusAction, updateSessionAction } from "../../actions";
import { copySessionAction } from "../../session-tools-actions";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function EditSessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = pageId((await params).id);
  const copied = (await searchParams).copied === "1";
  const actor = await requirePagePermission("training.manage", `/training/manage/${id}`);
  const [t, tc, session, categories, units, registry] = await Promise.all([
    getTranslations("training"),
    getTranslations("common"),
    orNotFound(getSession(actor, id)),
    listCategories(actor),
    listUnitOptions(actor),
    listLecturers(actor),
  ]);
  const editable = session.status === "DRAFT" || session.status === "PUBLISHED";
  const ask = (text: string) => ({ text, yes: tc("actions.confirm"), no: tc("actions.back") });
  return (
    <>
      <PageHeader
        title={session.title}
        subtitle={<Badge>{t(`status.${session.status}`)}</Badge>}
        actions={
          <Link className="text-police-700 underline" href={`/training/${id}`}>
            {t("session.roster")} / →
          </Link>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        {session.status === "DRAFT" ? (
          <ActionForm action={sessionStatusAction} submitLabel={t("manage.publish")} className="inline">
            <input type="hidden" name="sessionId" value={id} />
            <input type="hidden" name="op" value="publish" />
          </ActionForm>
        ) : null}
        {session.status === "PUBLISHED" ? (
          <ActionForm
            action={sessionStatusAction}
            submitLabel={t("manage.complete")}
            variant="secondary"
            className="inline"
            confirm={ask(t("manage.completeConfirm"))}
          >
            <input type="hidden" name="sessionId" value={id} />
            <input type="hidden" name="op" value="complete" />
          </ActionForm>
        ) : null}
        {editable ? (
          <ActionForm
            action={sessionStatusAction}
            submitLabel={t("manage.cancel")}
            variant="danger"
            className="flex flex-wrap items-end gap-2"
            confirm={ask(t("manage.cancelConfirm"))}
          >
            <input type="hidden" name="sessionId" value={id} />
            <input type="hidden" name="op" value="cancel" />
            <Field label={t("manage.cancelReason")} htmlFor="reason" hint={t("manage.cancelReasonHint")}>
              <Input id="reason" name="reason" maxLength={500} required />
            </Field>
            <FieldError name="reason" />
          </ActionForm>
        ) : null}
      </div>
      {copied ? <Alert kind="success">{t("copy.done")}</Alert> : null}
      <Card title={t("copy.title")} className="mb-4">
        <ActionForm
          action={copySessionAction}
          submitLabel={t("copy.submit")}
          variant="secondary"
          className="flex flex-wrap items-end gap-3"
        >
          <input type="hidden" name="sessionId" value={id} />
          <Field label={t("copy.every")} htmlFor="copy-every">
            <Select id="copy-every" name="every" defaultValue="NONE">
              <option value="NONE">{t("copy.NONE")}</option>
              <option value="WEEK">{t("copy.WEEK")}</option>
              <option value="MONTH">{t("copy.MONTH")}</option>
            </Select>
          </Field>
          <Field label={t("copy.count")} htmlFor="copy-count">
            <Input id="copy-count" name="count" type="number" min={1} max={52} defaultValue={1} className="w-24" />
            <FieldError name="count" />
          </Field>
        </ActionForm>
        <p className="mt-2 text-xs text-slate-600">{t("copy.hint")}</p>
      </Card>
      {editable ? (
        <Card>
          <SessionForm
            action={updateSessionAction}
            session={session}
            categories={categories}
            units={units}
            registry={registry}
            submitLabel={t("manage.save")}
          />
        </Card>
      ) : null}
    </>
  );
}
