import Link from "next/link";
import { z } from "zod";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { pageQuery } from "@/lib/http/pages";
import { listCertificates } from "@/lib/training/certificate-registry";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Pagination, Table, Td } from "@/components/ui/table";
import { revokeCertificateAction } from "../../session-tools-actions";

const params = z.object({
  q: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});

// The training office's register of issued certificates: find one by its number, name or badge
// number and revoke it; the public verification page then says 已撤销.
export default async function CertificatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("training.manage", "/training/manage/certificates");
  const p = params.parse(pageQuery(await searchParams));
  const [t, tc, format, list] = await Promise.all([
    getTranslations("training"),
    getTranslations("common"),
    getFormatter(),
    listCertificates(actor, { q: p.q, page: p.page, pageSize: 20 }),
  ]);
  const ask = (text: string) => ({ text, yes: tc("actions.confirm"), no: tc("actions.back") });
  return (
    <>
      <PageHeader title={t("certs.title")} subtitle={t("certs.subtitle")} />
      <form method="get" className="mb-4 flex flex-wrap gap-2">
        <Input name="q" defaultValue={p.q ?? ""} placeholder={t("certs.search")} aria-label={t("certs.search")} className="sm:w-72" />
        <Button type="submit" variant="secondary">
          {t("certs.find")}
        </Button>
      </form>
      <Card>
        {list.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("certs.empty")}</p>
        ) : (
          <Table head={[t("cert.no"), t("certs.person"), t("certs.session"), t("cert.issuedOn"), ""]}>
            {list.items.map((c) => (
              <tr key={c.id} data-testid="cert-row">
                <Td className="whitespace-nowrap font-mono">{c.serial}</Td>
                <Td>
                  {c.user.name} <span className="text-slate-500">{c.user.badgeNo}</span>
                </Td>
                <Td>
                  <Link className="text-police-700 underline" href={`/training/${c.session.id}`}>
                    {c.session.title}
                  </Link>
                  <span className="block text-xs text-slate-500">{format.dateTime(c.session.startsAt, "date")}</span>
                </Td>
                <Td className="whitespace-nowrap">{format.dateTime(c.issuedAt, "date")}</Td>
                <Td className="min-w-56">
                  {c.revokedAt ? (
                    <span>
                      <Badge tone="red">{t("certs.revoked")}</Badge>{" "}
                      <span className="text-xs text-slate-600">
                        {format.dateTime(c.revokedAt, "date")} · {c.revokeReason}
                      </span>
                    </span>
                  ) : (
                    <ActionForm
                      action={revokeCertificateAction}
                      submitLabel={t("certs.revoke")}
                      variant="danger"
                      className="flex flex-wrap items-start gap-2"
                      confirm={ask(t("certs.revokeConfirm", { serial: c.serial }))}
                    >
                      <input type="hidden" name="id" value={c.id} />
                      <span>
                        <Input
                          name="reason"
                          required
                          minLength={2}
                          maxLength={200}
                          placeholder={t("certs.reason")}
                          aria-label={t("certs.reason")}
                        />
                        <FieldError name="reason" />
                      </span>
                    </ActionForm>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          hrefFor={(n) => `/training/manage/certificates?${p.q ? `q=${encodeURIComponent(p.q)}&` : ""}page=${n}`}
          labels={{
            prev: tc("actions.prev"),
            next: tc("actions.next"),
            summary: tc("pagination", { total: list.total, page: list.page, pages: Math.max(1, Math.ceil(list.total / list.pageSize)) }),
          }}
        />
      </Card>
    </>
  );
}
