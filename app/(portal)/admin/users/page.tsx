import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ROLES, can } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current";
import { listUsers } from "@/lib/users/users";
import { listUnits } from "@/lib/users/units";
import { ButtonLink, Button } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination, Table, Td } from "@/components/ui/table";
import { pageQuery } from "@/lib/http/pages";

const params = z.object({
  q: z.string().optional(),
  unitId: z.string().optional(),
  role: z.string().optional(),
  status: z.string().optional(),
  page: z.string().optional(),
});

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  // the system administrator (identities) and the security administrator (role grants) share the list
  const actor = await requirePagePermission("users.view", "/admin/users");
  const manages = can(actor, "users.manage");
  const sp = params.parse(pageQuery(await searchParams));
  const clean = Object.fromEntries(Object.entries(sp).filter(([, v]) => v));
  const [t, units, list] = await Promise.all([
    getTranslations(),
    listUnits(),
    listUsers(actor, {
      ...clean,
      role: ROLES.includes(sp.role as never) ? sp.role : undefined,
      status: ["active", "disabled", "locked"].includes(sp.status ?? "") ? sp.status : undefined,
    }),
  ]);
  const qs = (page: number) => `?${new URLSearchParams({ ...clean, page: String(page) })}`;
  return (
    <>
      <PageHeader
        title={manages ? t("admin.users.title") : t("admin.users.grantsTitle")}
        subtitle={manages ? t("admin.users.subtitle") : t("admin.users.grantsSubtitle")}
        actions={
          manages ? (
            <>
              <ButtonLink href="/admin/users/import" variant="secondary">
                {t("admin.users.import")}
              </ButtonLink>
              <ButtonLink href="/admin/users/new">{t("admin.users.new")}</ButtonLink>
            </>
          ) : null
        }
      />
      <form className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-5" role="search">
        <input
          name="q"
          defaultValue={sp.q}
          placeholder={t("admin.users.searchPlaceholder")}
          aria-label={t("admin.users.searchPlaceholder")}
          className={`${inputClass} col-span-2 sm:col-span-1`}
        />
        <select name="unitId" defaultValue={sp.unitId ?? ""} aria-label={t("admin.users.unit")} className={inputClass}>
          <option value="">{t("admin.users.allUnits")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {"　".repeat(u.depth)}
              {u.name}
            </option>
          ))}
        </select>
        <select name="role" defaultValue={sp.role ?? ""} aria-label={t("admin.users.roles")} className={inputClass}>
          <option value="">{t("admin.users.allRoles")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common.roles.${r}`)}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={sp.status ?? ""} aria-label={t("admin.users.status")} className={inputClass}>
          <option value="">{t("admin.users.allStatus")}</option>
          <option value="active">{t("admin.users.active")}</option>
          <option value="disabled">{t("admin.users.disabled")}</option>
          <option value="locked">{t("admin.users.locked")}</option>
        </select>
        <Button type="submit" variant="secondary">
          {t("common.actions.search")}
        </Button>
      </form>
      <Table
        head={[t("admin.users.badgeNo"), t("admin.users.name"), t("admin.users.unit"), t("admin.users.roles"), t("admin.users.status")]}
      >
        {list.items.map((u) => (
          <tr key={u.id}>
            <Td>
              <Link className="font-mono text-police-700 underline" href={`/admin/users/${u.id}`}>
                {u.badgeNo}
              </Link>
            </Td>
            <Td>{u.name}</Td>
            <Td>{u.unit.name}</Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {u.roles.map((r) => (
                  <Badge key={r} tone="blue">
                    {t(`common.roles.${r}`)}
                  </Badge>
                ))}
              </div>
            </Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {u.active ? <Badge tone="green">{t("admin.users.active")}</Badge> : <Badge tone="red">{t("admin.users.disabled")}</Badge>}
                {u.locked ? <Badge tone="amber">{t("admin.users.locked")}</Badge> : null}
                {u.mustChangePassword ? <Badge>{t("admin.users.mustChange")}</Badge> : null}
                {u.mfaEnrolled ? <Badge tone="green">{`${t("admin.users.mfa")}${t("admin.users.mfaOn")}`}</Badge> : null}
              </div>
            </Td>
          </tr>
        ))}
      </Table>
      {list.items.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("admin.users.empty")}</p> : null}
      <Pagination
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        hrefFor={qs}
        labels={{
          prev: t("common.actions.prev"),
          next: t("common.actions.next"),
          summary: t("common.pagination", {
            total: list.total,
            page: list.page,
            pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
          }),
        }}
      />
    </>
  );
}
