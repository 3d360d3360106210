import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/access";
import { can } from "@/lib/access";
import { getPayYear, listPayScale, listPayYears, listRecords, type ProfileDto, type RecordDto } from "@/lib/benefits/queries";
import { listEntitlements, listItems } from "@/lib/benefits/equipment";
import { CATEGORIES, CASE_KINDS, SIMPLE_CATEGORIES, SIZE_GROUPS, type Category } from "@/lib/benefits/schemas";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge, Card } from "@/components/ui/card";
import { Input, Select, Textarea } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { RevealId } from "./reveal-id";
import { shanghaiToday } from "@/lib/time";
import {
  addRecordAction,
  deleteRecordAction,
  issueItemAction,
  payCaseAction,
  reviewCaseAction,
  revealIdAction,
  saveSizesAction,
} from "../actions";

// 实发 (net) first after the month: on a phone the table scrolls sideways and the figure people
// look for must be on screen without scrolling
const PAY_KEYS = [
  "net",
  "base",
  "levelAllowance",
  "seniorityAllowance",
  "performance",
  "socialInsurance",
  "housingFund",
  "deductions",
] as const;
const STATUS_TONE = { SUBMITTED: "amber", PENDING_SECOND_APPROVAL: "amber", APPROVED: "blue", PAID: "green", REJECTED: "red" } as const;

/** A pay line or case whose stored figures no longer match their seal: red, never shown as genuine. */
async function Tampered() {
  const t = await getTranslations("benefits");
  return (
    <span className="font-semibold text-red-700" role="alert" title={t("integrity.tamperedHint")} data-testid="integrity-tampered">
      {t("integrity.tampered")}
    </span>
  );
}

/** The profile with its timeline and one tab per category; HR gets the forms, the officer a read-only view. */
export async function ProfileView({
  actor,
  profile,
  tab,
  year,
  basePath,
}: {
  actor: Actor;
  profile: ProfileDto;
  tab: string;
  year?: number;
  basePath: string;
}) {
  const t = await getTranslations("benefits");
  const manage = can(actor, "benefits.manage");
  const records = await listRecords(actor, { auxiliaryId: profile.id });
  const current: "ALL" | Category = (CATEGORIES as readonly string[]).includes(tab) ? (tab as Category) : "ALL";
  const shown = current === "ALL" ? records : records.filter((r) => r.category === current);
  const tabs: ("ALL" | Category)[] = ["ALL", ...CATEGORIES];
  const reveal = revealIdAction.bind(null, profile.id);
  return (
    <div className="space-y-4">
      <Card title={t("profile.basics")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          {[
            [
              t("fields.auxNo"),
              <span key="a" className="font-mono">
                {profile.auxNo}
              </span>,
            ],
            [
              t("fields.idNumber"),
              manage ? (
                <RevealId
                  key="i"
                  masked={profile.idNumberMasked}
                  label={t("profile.reveal")}
                  hint={t("profile.revealHint")}
                  reveal={reveal}
                />
              ) : (
                <span key="i" className="font-mono" data-testid="id-number">
                  {profile.idNumberMasked}
                </span>
              ),
            ],
            [t("fields.unit"), profile.unit.name],
            [t("fields.post"), t(`post.${profile.post}`)],
            [t("fields.level"), `${profile.level}（${t("fields.levelSince")} ${profile.levelSince}）`],
            [t("fields.status"), t(`status.${profile.status}`)],
            [t("fields.gender"), t(`gender.${profile.gender}`)],
            [t("fields.hireDate"), profile.hireDate],
            [t("fields.batch"), profile.batch ?? "—"],
            [t("fields.contractStart"), profile.contractStart ? `${profile.contractStart} ~ ${profile.contractEnd ?? ""}` : "—"],
            [
              t("fields.sizes"),
              SIZE_GROUPS.filter((g) => profile.sizes[g])
                .map((g) => `${t(`sizeGroup.${g}`)} ${profile.sizes[g]}`)
                .join("，") || "—",
            ],
            ...(manage ? [[t("fields.account"), profile.hasAccount ? t("profile.linked") : t("profile.notLinked")]] : []),
          ].map(([k, v], i) => (
            <div key={i} className="flex gap-2">
              <dt className="w-24 shrink-0 text-slate-500">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <nav className="no-print flex gap-1 overflow-x-auto border-b border-slate-200 text-sm" aria-label={t("profile.timeline")}>
        {tabs.map((c) => (
          <Link
            key={c}
            href={`${basePath}?tab=${c}`}
            aria-current={current === c ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 ${current === c ? "border-police-700 font-semibold text-police-800" : "border-transparent text-slate-600"}`}
          >
            {c === "ALL" ? t("profile.timeline") : t(`category.${c}`)}
            <span className="ml-1 text-xs text-slate-600">
              {c === "ALL" ? records.length : records.filter((r) => r.category === c).length}
            </span>
          </Link>
        ))}
      </nav>
      {current === "PAY" ? <PayTab actor={actor} profileId={profile.id} year={year} basePath={basePath} /> : null}
      {current === "EQUIPMENT" ? <EquipmentTab actor={actor} profile={profile} manage={manage} /> : null}
      {current === "COMPENSATION" ? <CasesTab records={shown} manage={manage} actorId={actor.id} profileId={profile.id} /> : null}
      {current !== "PAY" && current !== "COMPENSATION" ? (
        <Timeline
          records={current === "EQUIPMENT" ? [] : shown}
          all={current === "ALL"}
          manageFor={manage && current !== "ALL" ? profile.id : undefined}
        />
      ) : null}
      {manage && current !== "ALL" && current !== "PAY" && current !== "EQUIPMENT" ? (
        <AddRecord category={current} profileId={profile.id} />
      ) : null}
    </div>
  );
}

async function Timeline({ records, all, manageFor }: { records: RecordDto[]; all: boolean; manageFor?: string }) {
  const t = await getTranslations("benefits");
  if (!records.length)
    return all ? (
      <Card>
        <p className="text-sm text-slate-600">{t("profile.noRecords")}</p>
      </Card>
    ) : null;
  return (
    <Card>
      <ol className="relative space-y-3 border-l border-slate-200 pl-4">
        {records.map((r) => (
          <li key={r.id} className="text-sm">
            <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border border-white bg-police-600" aria-hidden />
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-slate-500">{r.occurredOn}</span>
              <Badge tone="blue">{t(`category.${r.category}`)}</Badge>
              <span className="font-medium">{r.title}</span>
              {r.amount ? (
                <span className={`font-mono ${r.integrity === "TAMPERED" ? "text-red-700 line-through" : ""}`}>¥{r.amount}</span>
              ) : null}
              {r.integrity === "TAMPERED" ? <Tampered /> : null}
              {r.status ? (
                <Badge tone={STATUS_TONE[r.status as keyof typeof STATUS_TONE] ?? "slate"}>{t(`caseStatus.${r.status}`)}</Badge>
              ) : null}
              {manageFor && (SIMPLE_CATEGORIES as readonly string[]).includes(r.category) && !r.id.startsWith("att-") ? (
                <form action={deleteRecordAction} className="no-print ml-auto">
                  <input type="hidden" name="recordId" value={r.id} />
                  <input type="hidden" name="profileId" value={manageFor} />
                  <button className="text-xs text-red-700 underline">{t("profile.delete")}</button>
                </form>
              ) : null}
              {r.category === "TRAINING" ? (
                <span className="text-xs text-slate-500">
                  {r.details.source === "LECTURE_HALL"
                    ? `${t("profile.lectureHall")} · ${String(r.details.categoryName)} · ${String(r.details.creditHours)} ${t("profile.creditHours")}`
                    : t("profile.outside")}
                </span>
              ) : null}
            </div>
            <RecordDetails r={r} />
          </li>
        ))}
      </ol>
    </Card>
  );
}

async function RecordDetails({ r }: { r: RecordDto }) {
  const t = await getTranslations("benefits");
  const d = r.details;
  const parts: string[] = [];
  if (r.category === "RECRUITMENT") {
    if (d.batch) parts.push(`${t("fields.batch")} ${String(d.batch)}`);
    if (d.examScore) parts.push(`${t("profile.examScore")} ${String(d.examScore)}`);
    if (d.interviewScore) parts.push(`${t("profile.interviewScore")} ${String(d.interviewScore)}`);
    if (d.onboardOn) parts.push(`${t("profile.onboardOn")} ${String(d.onboardOn)}`);
  }
  if (r.category === "LEAVE" && d.days) parts.push(`${t("profile.days")} ${String(d.days)}`);
  if (r.category === "EQUIPMENT" && d.size) parts.push(`${t("equipment.size")} ${String(d.size)}`);
  if (d.note) parts.push(String(d.note));
  return parts.length ? <p className="mt-0.5 text-xs text-slate-600">{parts.join(" · ")}</p> : null;
}

async function PayTab({ actor, profileId, year, basePath }: { actor: Actor; profileId: string; year?: number; basePath: string }) {
  const t = await getTranslations("benefits");
  const years = await listPayYears(actor, profileId);
  const y = year && years.includes(year) ? year : years[0];
  const [data, scale] = await Promise.all([y ? getPayYear(actor, profileId, y) : null, listPayScale(actor)]);
  const fmt = (c: bigint) => `${c < 0n ? "-" : ""}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, "0")}`;
  return (
    <>
      <Card
        title={y ? t("pay.yearTotals", { year: y }) : t("pay.none")}
        actions={
          years.length > 1 ? (
            <span className="flex gap-2 text-sm">
              {years.map((yy) => (
                <Link key={yy} className={yy === y ? "font-semibold" : "text-police-700 underline"} href={`${basePath}?tab=PAY&year=${yy}`}>
                  {yy}
                </Link>
              ))}
            </span>
          ) : null
        }
      >
        {data && data.rows.length ? (
          <Table caption={t("category.PAY")} head={[t("pay.month"), ...PAY_KEYS.map((k) => t(`pay.${k}`))]}>
            {data.rows.map((r) => (
              <tr key={r.month} data-testid="pay-line" className={r.integrity === "TAMPERED" ? "bg-red-50" : undefined}>
                <Td className="whitespace-nowrap">
                  {r.month}
                  {r.integrity === "TAMPERED" ? (
                    <span className="block text-xs">
                      <Tampered />
                    </span>
                  ) : null}
                </Td>
                {PAY_KEYS.map((k) => (
                  <Td
                    key={k}
                    className={`text-right font-mono ${k === "net" ? "font-semibold" : ""} ${r.integrity === "TAMPERED" ? "text-red-700 line-through" : ""}`}
                  >
                    {r[k]}
                  </Td>
                ))}
              </tr>
            ))}
            <tr className="bg-slate-50 font-semibold">
              <Td>{t("pay.yearTotals", { year: y! })}</Td>
              {PAY_KEYS.map((k) => (
                <Td key={k} className="text-right font-mono">
                  {fmt(data.totals[k])}
                </Td>
              ))}
            </tr>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">{t("pay.none")}</p>
        )}
        {data?.tampered ? <p className="mt-2 text-xs text-red-700">{t("integrity.excluded")}</p> : null}
      </Card>
      {scale.length ? (
        <Card title={t("pay.scale")}>
          <Table head={[t("fields.level"), t("pay.base"), t("pay.levelAllowance"), ""]}>
            {scale.map((s) => (
              <tr key={s.level}>
                <Td>{s.level}</Td>
                <Td className="font-mono">{s.base}</Td>
                <Td className="font-mono">{s.levelAllowance}</Td>
                <Td className="text-xs text-slate-500">{s.note}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      ) : null}
    </>
  );
}

async function EquipmentTab({ actor, profile, manage }: { actor: Actor; profile: ProfileDto; manage: boolean }) {
  const t = await getTranslations("benefits");
  const tc = await getTranslations("common");
  const [ent, records, items] = await Promise.all([
    listEntitlements(actor, { profileId: profile.id }),
    listRecords(actor, { auxiliaryId: profile.id, category: "EQUIPMENT" }),
    manage ? listItems() : Promise.resolve([]),
  ]);
  const tone = { OWED: "red", DUE_SOON: "amber", OK: "green" } as const;
  return (
    <>
      <Card title={t("equipment.entitled")}>
        {ent.length ? (
          <Table
            head={[
              t("equipment.item"),
              t("equipment.quantity"),
              t("equipment.cycle"),
              t("equipment.size"),
              t("equipment.lastIssued"),
              t("equipment.dueOn"),
              t("equipment.state"),
            ]}
          >
            {ent.map((e) => (
              <tr key={e.itemId}>
                <Td>{e.itemName}</Td>
                <Td>{e.quantity}</Td>
                <Td>{e.cycleMonths}</Td>
                <Td>{e.size ?? "—"}</Td>
                <Td>{e.lastIssuedOn ?? "—"}</Td>
                <Td>{e.dueOn}</Td>
                <Td>
                  <Badge tone={tone[e.state]}>{t(`equipment.${e.state}`)}</Badge>
                </Td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="text-sm text-slate-600">{t("equipment.nothingDue")}</p>
        )}
      </Card>
      <Card title={t("equipment.issues")}>
        {records.length ? (
          <Table head={[t("equipment.issuedOn"), t("equipment.item"), t("equipment.size"), t("equipment.quantity")]}>
            {records.map((r) => (
              <tr key={r.id}>
                <Td>{r.occurredOn}</Td>
                <Td>{String(r.details.itemName)}</Td>
                <Td>{String(r.details.size ?? "—")}</Td>
                <Td>{String(r.details.quantity)}</Td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="text-sm text-slate-600">{t("equipment.noIssues")}</p>
        )}
      </Card>
      {manage ? (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Card title={t("profile.issueItem")}>
            <ActionForm action={issueItemAction} submitLabel={tc("actions.save")} successText={t("profile.saved")}>
              <input type="hidden" name="profileId" value={profile.id} />
              <label className="block text-sm">
                {t("equipment.item")}
                <Select name="itemId" required>
                  {items.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </Select>
              </label>
              <div className="grid grid-cols-3 gap-2">
                <label className="text-sm">
                  {t("equipment.size")}
                  <Input name="size" />
                </label>
                <label className="text-sm">
                  {t("equipment.quantity")}
                  <Input name="quantity" type="number" min={1} defaultValue={1} />
                </label>
                <label className="text-sm">
                  {t("equipment.issuedOn")}
                  <Input name="issuedOn" type="date" required defaultValue={shanghaiToday()} />
                </label>
              </div>
              <FieldError name="issuedOn" />
            </ActionForm>
          </Card>
          <Card title={t("fields.sizes")}>
            <ActionForm action={saveSizesAction} submitLabel={t("profile.sizesSave")} successText={t("profile.saved")}>
              <input type="hidden" name="profileId" value={profile.id} />
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                {SIZE_GROUPS.map((g) => (
                  <label key={g} className="text-sm">
                    {t(`sizeGroup.${g}`)}
                    <Input name={`size.${g}`} defaultValue={profile.sizes[g] ?? ""} />
                  </label>
                ))}
              </div>
            </ActionForm>
          </Card>
        </div>
      ) : null}
    </>
  );
}

async function CasesTab({
  records,
  manage,
  actorId,
  profileId,
}: {
  records: RecordDto[];
  manage: boolean;
  actorId: string;
  profileId: string;
}) {
  const t = await getTranslations("benefits");
  const cases = records.filter((r) => r.status);
  const visits = records.filter((r) => !r.status);
  return (
    <>
      <Card title={t("cases.title")}>
        {cases.length ? (
          <div className="space-y-3">
            {cases.map((c) => {
              const d = c.details as Record<string, string | null>;
              return (
                <div key={c.id} className="rounded border border-slate-200 p-3 text-sm" data-testid="case">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={STATUS_TONE[c.status as keyof typeof STATUS_TONE]}>{t(`caseStatus.${c.status}`)}</Badge>
                    <span className="font-medium">{c.title}</span>
                    <span className="text-slate-500">
                      {t(`caseKind.${d.kind}`)} · {c.occurredOn}
                    </span>
                    {c.integrity === "TAMPERED" ? <Tampered /> : null}
                  </div>
                  <p className="mt-1 text-slate-700">
                    {t("cases.requested")} ¥{d.amountRequested}
                    {d.amountApproved ? ` · ${t("cases.approved")} ¥${d.amountApproved}` : ""}
                    {d.submittedBy ? ` · ${t("cases.submittedBy")} ${d.submittedBy}` : ""}
                    {d.reviewedBy ? ` · ${t("cases.reviewedBy")} ${d.reviewedBy} ${d.reviewedAt?.slice(0, 10)}` : ""}
                    {d.secondReviewedBy
                      ? ` · ${t("cases.secondReviewedBy")} ${d.secondReviewedBy} ${d.secondReviewedAt?.slice(0, 10)}`
                      : ""}
                    {d.paidAt ? ` · ${t("cases.paidAt")} ${d.paidAt.slice(0, 10)}` : ""}
                  </p>
                  {d.reason ? (
                    <p className="text-xs text-slate-600">
                      {t("cases.reason")}：{d.reason}
                    </p>
                  ) : null}
                  {d.reviewNote ? <p className="text-xs text-slate-600">{d.reviewNote}</p> : null}
                  {c.status === "PENDING_SECOND_APPROVAL" ? <p className="text-xs text-amber-800">{t("cases.secondHint")}</p> : null}
                  {manage && (c.status === "SUBMITTED" || c.status === "PENDING_SECOND_APPROVAL") ? (
                    <ActionForm
                      action={reviewCaseAction}
                      submitLabel={t("cases.decide")}
                      className="no-print mt-2 flex flex-wrap items-end gap-2"
                    >
                      <input type="hidden" name="caseId" value={c.id} />
                      <input type="hidden" name="profileId" value={profileId} />
                      <label className="text-xs">
                        {t("cases.approved")}
                        <Input
                          name="amountApproved"
                          defaultValue={(c.status === "SUBMITTED" ? d.amountRequested : d.amountApproved) ?? ""}
                          className="w-32"
                        />
                      </label>
                      <label className="text-xs">
                        {t("profile.note")}
                        <Input name="note" className="w-48" />
                      </label>
                      <Select name="decision" className="w-28" defaultValue="APPROVE">
                        <option value="APPROVE">{t("cases.approve")}</option>
                        <option value="REJECT">{t("cases.reject")}</option>
                      </Select>
                      {actorId === (d.submittedById ?? "") ? <span className="text-xs text-amber-800">{t("cases.selfHint")}</span> : null}
                    </ActionForm>
                  ) : null}
                  {manage && c.status === "APPROVED" ? (
                    <ActionForm action={payCaseAction} submitLabel={t("cases.markPaid")} className="no-print mt-2" variant="secondary">
                      <input type="hidden" name="caseId" value={c.id} />
                      <input type="hidden" name="profileId" value={profileId} />
                    </ActionForm>
                  ) : null}
                </div>
              );
            })}
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("profile.noRecords")}</p>
        )}
        {manage ? <p className="mt-2 text-xs text-slate-500">{t("cases.selfHint")}</p> : null}
      </Card>
      {visits.length ? <Timeline records={visits} all={false} /> : null}
    </>
  );
}

async function AddRecord({ category, profileId }: { category: Category; profileId: string }) {
  const t = await getTranslations("benefits");
  const tc = await getTranslations("common");
  return (
    <Card title={category === "COMPENSATION" ? t("cases.new") : t("profile.addRecord")} className="no-print">
      <ActionForm
        action={addRecordAction}
        submitLabel={tc("actions.save")}
        successText={t("profile.recordAdded")}
        className="grid gap-3 sm:grid-cols-2"
      >
        <input type="hidden" name="auxiliaryId" value={profileId} />
        <input type="hidden" name="category" value={category} />
        <label className="text-sm">
          {t("profile.recordTitle")}
          <Input name="title" required />
          <FieldError name="title" />
        </label>
        <label className="text-sm">
          {t("profile.occurredOn")}
          <Input name="occurredOn" type="date" required defaultValue={shanghaiToday()} />
          <FieldError name="occurredOn" />
        </label>
        {category === "COMPENSATION" ? (
          <label className="text-sm">
            {t("cases.kind")}
            <Select name="kind">
              {CASE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`caseKind.${k}`)}
                </option>
              ))}
            </Select>
          </label>
        ) : null}
        {category === "COMPENSATION" || category === "AWARD" ? (
          <label className="text-sm">
            {t("profile.amount")}
            <Input name="amount" inputMode="decimal" />
            <FieldError name="amount" />
          </label>
        ) : null}
        {category === "RECRUITMENT" ? (
          <>
            <label className="text-sm">
              {t("fields.batch")}
              <Input name="details.batch" />
            </label>
            <label className="text-sm">
              {t("profile.examScore")}
              <Input name="details.examScore" inputMode="decimal" />
            </label>
            <label className="text-sm">
              {t("profile.interviewScore")}
              <Input name="details.interviewScore" inputMode="decimal" />
            </label>
            <label className="text-sm">
              {t("profile.onboardOn")}
              <Input name="details.onboardOn" type="date" />
            </label>
          </>
        ) : null}
        {category === "PROMOTION" ? (
          <label className="text-sm">
            {t("profile.toLevel")}
            <Input name="details.toLevel" type="number" min={1} required />
            <FieldError name="details.toLevel" />
          </label>
        ) : null}
        {category === "LEAVE" ? (
          <label className="text-sm">
            {t("profile.days")}
            <Input name="details.days" type="number" min={0} step="0.5" />
          </label>
        ) : null}
        <label className="text-sm sm:col-span-2">
          {category === "COMPENSATION" ? t("cases.reason") : t("profile.note")}
          <Textarea name={category === "COMPENSATION" ? "details.reason" : "details.note"} rows={2} />
        </label>
        <FieldError name="category" />
      </ActionForm>
    </Card>
  );
}
