import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { attendanceOpen } from "@/lib/training/mutations";
import { getFeedbackSummary, getSession, listRoster } from "@/lib/training/queries";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { Table, Td } from "@/components/ui/table";
import { attendanceAction, officeCancelEnrollmentAction, sessionStatusAction } from "../../actions";
import { markAllPresentAction, uploadAttendanceAction } from "../../session-tools-actions";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function RosterPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requireUser({ next: `/training/${id}/roster` });
  const [session, rows, feedback] = await orNotFound(
    Promise.all([getSession(actor, id), listRoster(actor, id), getFeedbackSummary(actor, id)]),
  );
  const [t, tc, format] = await Promise.all([getTranslations("training"), getTranslations("common"), getFormatter()]);
  const office = can(actor, "training.manage");
  const canMark = attendanceOpen(session);
  const ask = (text: string) => ({ text, yes: tc("actions.confirm"), no: tc("actions.back") });
  // the lecturer (or the office) closes a session that has started: credit is granted at once
  const canClose = session.status === "PUBLISHED" && new Date() >= session.startsAt;
  return (
    <>
      <PageHeader
        title={`${t("roster.title")}：${session.title}`}
        subtitle={`${format.dateTime(session.startsAt, "full")} · ${session.venue}`}
        actions={
          <span className="flex flex-wrap gap-2">
            {session.status === "PUBLISHED" ? <ButtonLink href={`/training/${id}/qr`}>{t("session.qr")}</ButtonLink> : null}
            <ButtonLink variant="secondary" href={`/training/${id}/sheet`}>
              {t("roster.printSheet")}
            </ButtonLink>
            <a
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              href={`/api/v1/training/sessions/${id}/roster?format=xlsx`}
            >
              {t("roster.xlsx")}
            </a>
            <a
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              href={`/api/v1/training/sessions/${id}/roster?format=csv`}
            >
              {t("roster.csv")}
            </a>
          </span>
        }
      />
      <Card>
        {canMark && rows.some((r) => r.status === "ENROLLED" && !r.attendance) ? (
          <ActionForm
            action={markAllPresentAction}
            submitLabel={t("roster.allPresent")}
            successText={t("roster.allPresentDone")}
            variant="secondary"
            className="mb-3 flex flex-wrap items-center gap-2"
            confirm={ask(t("roster.allPresentConfirm"))}
          >
            <input type="hidden" name="sessionId" value={id} />
          </ActionForm>
        ) : null}
        {canMark && rows.some((r) => r.status === "ENROLLED") ? (
          <ActionForm
            action={uploadAttendanceAction}
            submitLabel={t("roster.upload")}
            successText={t("roster.uploadDone")}
            variant="secondary"
            className="mb-3 flex flex-wrap items-center gap-2"
          >
            <input type="hidden" name="sessionId" value={id} />
            <label className="text-sm">
              {t("roster.uploadLabel")}{" "}
              <input type="file" name="file" accept=".xlsx,.csv" required className="text-sm" data-testid="attendance-file" />
            </label>
            <span className="w-full text-xs text-slate-600">{t("roster.uploadHint")}</span>
          </ActionForm>
        ) : null}
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("roster.empty")}</p>
        ) : (
          <Table head={[t("roster.badge"), t("roster.name"), t("roster.unit"), t("roster.status"), t("roster.attendance"), ""]}>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>{r.user.badgeNo}</Td>
                <Td>{r.user.name}</Td>
                <Td>{r.user.unitName}</Td>
                <Td>
                  {t(`enrollment.${r.status}`)}
                  {r.waitlistPosition ? ` #${r.waitlistPosition}` : ""}
                </Td>
                <Td>
                  {r.attendance ? (
                    <Badge tone={r.attendance === "ATTENDED" ? "green" : "red"}>{t(`attendance.${r.attendance}`)}</Badge>
                  ) : (
                    t("attendance.none")
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  <span className="flex gap-1">
                    {r.status === "ENROLLED" && canMark ? (
                      <>
                        <ActionForm action={attendanceAction} submitLabel={t("roster.present")} variant="secondary" className="inline-flex">
                          <input type="hidden" name="sessionId" value={id} />
                          <input type="hidden" name="userId" value={r.user.id} />
                          <input type="hidden" name="present" value="1" />
                        </ActionForm>
                        <ActionForm action={attendanceAction} submitLabel={t("roster.absent")} variant="secondary" className="inline-flex">
                          <input type="hidden" name="sessionId" value={id} />
                          <input type="hidden" name="userId" value={r.user.id} />
                          <input type="hidden" name="present" value="0" />
                        </ActionForm>
                      </>
                    ) : null}
                    {office && session.status === "PUBLISHED" ? (
                      <ActionForm
                        action={officeCancelEnrollmentAction}
                        submitLabel={t("roster.remove")}
                        variant="danger"
                        className="inline-flex"
                        confirm={ask(t("roster.removeConfirm"))}
                      >
                        <input type="hidden" name="sessionId" value={id} />
                        <input type="hidden" name="userId" value={r.user.id} />
                      </ActionForm>
                    ) : null}
                  </span>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {canClose ? (
        <Card className="mt-4">
          <ActionForm
            action={sessionStatusAction}
            submitLabel={t("manage.complete")}
            variant="secondary"
            confirm={ask(t("manage.completeConfirm"))}
          >
            <p className="text-sm text-slate-600">{t("roster.closeHint")}</p>
            <input type="hidden" name="sessionId" value={id} />
            <input type="hidden" name="op" value="complete" />
          </ActionForm>
        </Card>
      ) : null}
      <Card title={t("roster.feedback")} className="mt-4">
        <p className="text-sm">{t("teach.rating", { avg: feedback.average?.toFixed(1) ?? "—", count: feedback.count })}</p>
        <ul className="mt-2 space-y-1 text-sm">
          {feedback.comments.map((c, i) => (
            <li key={i}>
              ★{c.rating} {c.comment}
            </li>
          ))}
        </ul>
      </Card>
      <p className="mt-4 text-sm">
        <Link className="text-police-700 underline" href={`/training/${id}`}>
          ←
        </Link>
      </p>
    </>
  );
}
