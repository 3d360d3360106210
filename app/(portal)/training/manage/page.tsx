import Link from "next/link";
import { z } from "zod";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listSessions } from "@/lib/training/queries";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { Pagination, Table, Td } from "@/components/ui/table";

const params = z.object({
  status: z.enum(["DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});

export default async function ManagePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePagePermission("training.manage", "/training/manage");
  const p = params.parse(await searchParams);
  const [t, tc, format, list] = await Promise.all([
    getTranslations("training"),
    getTranslations("common"),
    getFormatter(),
    listSessions(actor, { status: p.status, page: p.page, pageSize: 20 }),
  ]);
  return (
    <>
      <PageHeader
        title={t("manage.title")}
        actions={
          <span className="flex flex-wrap gap-2">
            <ButtonLink href="/training/manage/new">{t("manage.new")}</ButtonLink>
            <ButtonLink variant="secondary" href="/training/manage/stats">
              {t("manage.stats")}
            </ButtonLink>
            <ButtonLink variant="secondary" href="/training/manage/lecturers">
              {t("lecturers.link")}
            </ButtonLink>
            <ButtonLink variant="secondary" href="/training/manage/certificates">
              {t("certs.link")}
            </ButtonLink>
            <ButtonLink variant="secondary" href="/training/manage/settings">
              {t("manage.settings")}
            </ButtonLink>
          </span>
        }
      />
      <nav className="mb-3 flex flex-wrap gap-2 text-sm">
        <Link className={!p.status ? "font-semibold" : "text-police-700 underline"} href="/training/manage">
          {t("filters.all")}
        </Link>
        {(["DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED"] as const).map((s) => (
          <Link key={s} className={p.status === s ? "font-semibold" : "text-police-700 underline"} href={`/training/manage?status=${s}`}>
            {t(`status.${s}`)}
          </Link>
        ))}
      </nav>
      <Card>
        <Table head={[t("manage.fields.title"), t("manage.fields.startsAt"), t("session.seats"), ""]}>
          {list.items.map((s) => (
            <tr key={s.id}>
              <Td>
                <Link className="text-police-700 underline" href={`/training/manage/${s.id}`}>
                  {s.title}
                </Link>{" "}
                <Badge>{t(`status.${s.status}`)}</Badge>
              </Td>
              <Td className="whitespace-nowrap">{format.dateTime(s.startsAt, "short")}</Td>
              <Td>
                {s.enrolledCount}/{s.capacity}
                {s.waitlistCount ? ` +${s.waitlistCount}` : ""}
              </Td>
              <Td>
                <Link className="text-police-700 underline" href={`/training/${s.id}/roster`}>
                  {t("session.roster")}
                </Link>
              </Td>
            </tr>
          ))}
        </Table>
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          hrefFor={(n) => `/training/manage?${p.status ? `status=${p.status}&` : ""}page=${n}`}
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
