import "server-only";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { decryptField, encryptField } from "@/lib/crypto";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, isUniqueViolation, notFound, validationFailed } from "@/lib/errors";
import { dayToDate, shanghaiTodayAsDate } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { assertHr, profileWhere } from "./access";
import { idNumberColumns } from "./id-columns";
import { sealCase } from "./integrity";
import {
  createProfileSchema,
  createRecordSchema,
  reviewCaseSchema,
  updateProfileSchema,
  type CreateProfileInput,
  type UpdateProfileInput,
} from "./schemas";
import { unitSubtree } from "@/lib/unit-tree";

async function assertUnitInSubtree(tx: Tx, actor: Actor, unitId: string) {
  const unit = await tx.unit.findFirst({ where: { id: unitId, ...unitSubtree(actor.unitPath) }, select: { id: true } });
  if (!unit) throw validationFailed({ unitId: "只能选择本单位及下级单位" });
}

async function lockProfile(tx: Tx, actor: Actor, id: string) {
  const p = await tx.auxiliaryProfile.findFirst({
    where: { AND: [{ id }, profileWhere(actor)] },
    select: { id: true, auxNo: true, name: true, level: true, userId: true },
  });
  if (!p) throw notFound("辅警档案");
  await tx.$queryRaw`SELECT id FROM "AuxiliaryProfile" WHERE id = ${id} FOR UPDATE`;
  return p;
}

/** The stored forms of an ID number (lib/benefits/id-columns.ts): the one way both the form and the import store it. */
export function idFields(idNumber: string) {
  const columns = idNumberColumns(idNumber);
  if (!columns) throw validationFailed({ idNumber: "身份证号无效" });
  return columns;
}

/** Unique violations as field errors (辅警编号 or 身份证号 already registered). */
function mapUnique(e: unknown): never {
  if (isUniqueViolation(e)) {
    const target = JSON.stringify((e as { meta?: unknown }).meta ?? {});
    if (target.includes("idNumberHash")) throw validationFailed({ idNumber: "该身份证号已登记" });
    if (target.includes("auxNo")) throw validationFailed({ auxNo: "该辅警编号已存在" });
    if (target.includes("userId")) throw validationFailed({ auxNo: "该账号已关联其他档案" });
    throw new AppError("CONFLICT", "记录已存在");
  }
  throw e;
}

/** HR files a new auxiliary officer in their subtree; links the AUXILIARY account with the same number. */
export async function createAuxiliary(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input: CreateProfileInput = parseInput(createProfileSchema, raw);
  const id = idFields(input.idNumber);
  try {
    return await db.$transaction(async (tx) => {
      await assertUnitInSubtree(tx, actor, input.unitId);
      const dup = await tx.auxiliaryProfile.findUnique({ where: { idNumberHash: id.idNumberHash }, select: { id: true } });
      if (dup) throw validationFailed({ idNumber: "该身份证号已登记" });
      if (await tx.auxiliaryProfile.findUnique({ where: { auxNo: input.auxNo }, select: { id: true } }))
        throw validationFailed({ auxNo: "该辅警编号已存在" });
      const account = await tx.user.findFirst({
        where: { badgeNo: input.auxNo, roles: { has: "AUXILIARY" }, auxiliaryProfile: null },
        select: { id: true },
      });
      const p = await tx.auxiliaryProfile.create({
        data: {
          auxNo: input.auxNo,
          name: input.name,
          idNumberEnc: id.idNumberEnc,
          idNumberHash: id.idNumberHash,
          idNumberMasked: id.idNumberMasked,
          gender: id.gender,
          birthYear: id.birthYear,
          unitId: input.unitId,
          post: input.post,
          batch: input.batch ?? null,
          hireDate: dayToDate(input.hireDate),
          contractStart: input.contractStart ? dayToDate(input.contractStart) : null,
          contractEnd: input.contractEnd ? dayToDate(input.contractEnd) : null,
          level: input.level,
          levelSince: dayToDate(input.hireDate),
          status: input.status,
          phone: input.phone ?? null,
          sizes: input.sizes ?? {},
          userId: account?.id ?? null,
        },
        select: { id: true, auxNo: true, name: true },
      });
      await writeAudit(tx, {
        actor,
        action: "benefits.profile.create",
        targetType: "AuxiliaryProfile",
        targetId: p.id,
        target: `${p.auxNo} ${p.name}`,
        details: { unitId: input.unitId, level: input.level, linkedAccount: !!account },
      });
      return p;
    });
  } catch (e) {
    return mapUnique(e);
  }
}

export async function updateAuxiliary(actor: Actor, profileId: string, raw: unknown) {
  assertHr(actor);
  const input: UpdateProfileInput = parseInput(updateProfileSchema, raw);
  const id = input.idNumber ? idFields(input.idNumber) : null;
  try {
    return await db.$transaction(async (tx) => {
      const before = await lockProfile(tx, actor, profileId);
      await assertUnitInSubtree(tx, actor, input.unitId);
      const p = await tx.auxiliaryProfile.update({
        where: { id: profileId },
        data: {
          auxNo: input.auxNo,
          name: input.name,
          unitId: input.unitId,
          post: input.post,
          batch: input.batch ?? null,
          hireDate: dayToDate(input.hireDate),
          contractStart: input.contractStart ? dayToDate(input.contractStart) : null,
          contractEnd: input.contractEnd ? dayToDate(input.contractEnd) : null,
          level: input.level,
          ...(input.level !== before.level ? { levelSince: shanghaiTodayAsDate() } : {}),
          status: input.status,
          phone: input.phone ?? null,
          ...(input.sizes ? { sizes: input.sizes } : {}),
          ...(id
            ? {
                idNumberEnc: id.idNumberEnc,
                idNumberHash: id.idNumberHash,
                idNumberMasked: id.idNumberMasked,
                gender: id.gender,
                birthYear: id.birthYear,
              }
            : {}),
        },
        select: { id: true, auxNo: true, name: true },
      });
      await writeAudit(tx, {
        actor,
        action: "benefits.profile.update",
        targetType: "AuxiliaryProfile",
        targetId: p.id,
        target: `${p.auxNo} ${p.name}`,
        details: { fields: Object.keys(raw as object).filter((k) => k !== "idNumber"), idNumberChanged: !!id },
      });
      return p;
    });
  } catch (e) {
    return mapUnique(e);
  }
}

/** The full ID number: HR in the subtree only, on an explicit action, always audited. */
export async function revealIdNumber(actor: Actor, profileId: string): Promise<string> {
  assertHr(actor);
  return db.$transaction(async (tx) => {
    const p = await tx.auxiliaryProfile.findFirst({
      where: { AND: [{ id: profileId }, profileWhere(actor)] },
      select: { id: true, auxNo: true, name: true, idNumberEnc: true },
    });
    if (!p) throw notFound("辅警档案");
    await writeAudit(tx, {
      actor,
      action: "benefits.id_number.reveal",
      targetType: "AuxiliaryProfile",
      targetId: p.id,
      target: `${p.auxNo} ${p.name}`,
    });
    return decryptField(p.idNumberEnc);
  });
}

/** Sets a person's clothing sizes (used by batch issues). */
export async function updateSizes(actor: Actor, profileId: string, sizes: Record<string, string>) {
  assertHr(actor);
  return db.$transaction(async (tx) => {
    const p = await lockProfile(tx, actor, profileId);
    const clean = Object.fromEntries(
      Object.entries(sizes)
        .filter(([, v]) => v && v.trim())
        .map(([k, v]) => [k, v.trim().slice(0, 20)]),
    );
    await tx.auxiliaryProfile.update({ where: { id: profileId }, data: { sizes: clean } });
    await writeAudit(tx, {
      actor,
      action: "benefits.profile.sizes",
      targetType: "AuxiliaryProfile",
      targetId: p.id,
      target: `${p.auxNo} ${p.name}`,
      details: clean,
    });
  });
}

/**
 * A dated record. Simple categories become a BenefitRecord; COMPENSATION opens a case
 * (SUBMITTED by the actor). Pay comes only from imports and equipment from issues.
 */
export async function createRecord(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input = parseInput(createRecordSchema, raw);
  if (input.category === "PAY") throw validationFailed({ category: "工资请通过工资表导入" });
  if (input.category === "EQUIPMENT") throw validationFailed({ category: "被装请通过发放登记" });
  if (input.category === "COMPENSATION" && !input.amount) throw validationFailed({ amount: "请填写申请金额" });
  return db.$transaction(async (tx) => {
    const p = await lockProfile(tx, actor, input.auxiliaryId);
    const target = `${p.auxNo} ${p.name}`;
    if (input.category === "COMPENSATION") {
      const reason = typeof input.details.reason === "string" ? input.details.reason : null;
      const c = await tx.compensationCase.create({
        data: {
          profileId: p.id,
          kind: input.kind ?? "HARDSHIP",
          title: input.title,
          reasonEnc: reason ? encryptField(reason) : null,
          occurredOn: dayToDate(input.occurredOn),
          amountRequested: input.amount!,
          submittedById: actor.id,
          seal: sealCase({ profileId: p.id, status: "SUBMITTED", amountRequested: input.amount!, amountApproved: null }),
        },
      });
      await writeAudit(tx, {
        actor,
        action: "benefits.case.submit",
        targetType: "CompensationCase",
        targetId: c.id,
        target,
        details: { kind: c.kind, amount: input.amount! },
      });
      return {
        id: c.id,
        auxiliaryId: p.id,
        category: "COMPENSATION" as const,
        occurredOn: input.occurredOn,
        title: c.title,
        amount: c.amountRequested.toFixed(2),
        status: c.status,
        details: { kind: c.kind, reason },
      };
    }
    let details = input.details;
    if (input.category === "PROMOTION") {
      const toLevel = Number(input.details.toLevel);
      if (!Number.isInteger(toLevel) || toLevel < 1) throw validationFailed({ "details.toLevel": "请填写晋升后的层级" });
      await tx.auxiliaryProfile.update({ where: { id: p.id }, data: { level: toLevel, levelSince: dayToDate(input.occurredOn) } });
      details = { ...details, fromLevel: p.level, toLevel };
    }
    const r = await tx.benefitRecord.create({
      data: {
        profileId: p.id,
        category: input.category,
        occurredOn: dayToDate(input.occurredOn),
        title: input.title,
        amount: input.amount ?? null,
        details: details as object,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "benefits.record.create",
      targetType: "BenefitRecord",
      targetId: r.id,
      target,
      details: { category: r.category },
    });
    return {
      id: r.id,
      auxiliaryId: p.id,
      category: r.category,
      occurredOn: input.occurredOn,
      title: r.title,
      ...(r.amount ? { amount: r.amount.toFixed(2) } : {}),
      details,
    };
  });
}

export async function deleteRecord(actor: Actor, recordId: string) {
  assertHr(actor);
  await db.$transaction(async (tx) => {
    const r = await tx.benefitRecord.findFirst({
      where: { id: recordId, profile: profileWhere(actor) },
      include: { profile: { select: { auxNo: true, name: true } } },
    });
    if (!r) throw notFound("记录");
    await tx.benefitRecord.delete({ where: { id: r.id } });
    await writeAudit(tx, {
      actor,
      action: "benefits.record.delete",
      targetType: "BenefitRecord",
      targetId: r.id,
      target: `${r.profile.auxNo} ${r.profile.name}`,
      details: { category: r.category, title: r.title },
    });
  });
}

const TRANSITIONS: Record<string, string[]> = {
  SUBMITTED: ["APPROVED", "PENDING_SECOND_APPROVAL", "REJECTED"],
  PENDING_SECOND_APPROVAL: ["APPROVED", "REJECTED"],
  APPROVED: ["PAID"],
  PAID: [],
  REJECTED: [],
};
const STATUS_ZH: Record<string, string> = {
  SUBMITTED: "待审批",
  PENDING_SECOND_APPROVAL: "待二次审批",
  APPROVED: "已批准",
  PAID: "已发放",
  REJECTED: "已驳回",
};

type CaseTarget = "APPROVED" | "PENDING_SECOND_APPROVAL" | "REJECTED" | "PAID";

async function lockCase(tx: Tx, actor: Actor, caseId: string) {
  const c = await tx.compensationCase.findFirst({
    where: { id: caseId, profile: profileWhere(actor) },
    select: { id: true, profile: { select: { auxNo: true, name: true } } },
  });
  if (!c) throw notFound("优待抚恤事项");
  await tx.$queryRaw`SELECT id FROM "CompensationCase" WHERE id = ${caseId} FOR UPDATE`;
  const fresh = await tx.compensationCase.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, profileId: true, submittedById: true, reviewedById: true, amountRequested: true, amountApproved: true },
  });
  return { ...fresh, profile: c.profile };
}

function assertTransition(from: string, to: CaseTarget) {
  if (!TRANSITIONS[from]!.includes(to))
    throw new AppError("INVALID_TRANSITION", `当前状态（${STATUS_ZH[from] ?? from}）不能变更为${STATUS_ZH[to] ?? to}`);
}

/**
 * SUBMITTED → APPROVED (with the approved amount, default the requested one) or REJECTED; reviewer
 * ≠ submitter. An approved amount above the request needs a second approval (issue 9 item 11):
 * the case waits in PENDING_SECOND_APPROVAL until another HR — neither the submitter nor the first
 * approver — approves it (at most the proposed amount) or rejects it.
 */
export async function reviewCase(actor: Actor, caseId: string, raw: unknown) {
  assertHr(actor);
  const input = parseInput(reviewCaseSchema, raw);
  return db.$transaction(async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    const second = c.status === "PENDING_SECOND_APPROVAL";
    let to: CaseTarget;
    let amountApproved = c.amountApproved;
    if (input.decision === "REJECT") to = "REJECTED";
    else if (second) {
      to = "APPROVED";
      if (input.amountApproved !== undefined) {
        if (Number(input.amountApproved) > Number(c.amountApproved))
          throw validationFailed({ amountApproved: "二次审批金额不能高于初审金额" });
        amountApproved = new Prisma.Decimal(input.amountApproved);
      }
    } else {
      amountApproved = new Prisma.Decimal(input.amountApproved ?? c.amountRequested.toFixed(2));
      to = amountApproved.greaterThan(c.amountRequested) ? "PENDING_SECOND_APPROVAL" : "APPROVED";
    }
    assertTransition(c.status, to);
    if (c.submittedById === actor.id) throw new AppError("SELF_REVIEW", "审批人不能是提交人");
    if (second && c.reviewedById === actor.id) throw new AppError("SELF_REVIEW", "二次审批须由另一名审批人进行");
    const reviewer = second
      ? { secondReviewedById: actor.id, secondReviewedAt: new Date(), ...(input.note ? { reviewNote: input.note } : {}) }
      : { reviewedById: actor.id, reviewedAt: new Date(), reviewNote: input.note ?? null };
    const approved = to === "REJECTED" ? (second ? c.amountApproved : null) : amountApproved;
    const updated = await tx.compensationCase.update({
      where: { id: caseId },
      data: {
        status: to,
        ...reviewer,
        amountApproved: approved,
        seal: sealCase({ profileId: c.profileId, status: to, amountRequested: c.amountRequested, amountApproved: approved }),
      },
    });
    const verb = to === "REJECTED" ? "reject" : to === "APPROVED" ? "approve" : "approve_first";
    await writeAudit(tx, {
      actor,
      action: `benefits.case.${verb}`,
      targetType: "CompensationCase",
      targetId: caseId,
      target: `${c.profile.auxNo} ${c.profile.name}`,
      details: { amountRequested: c.amountRequested.toFixed(2), amountApproved: updated.amountApproved?.toFixed(2) ?? null, second },
    });
    return { id: updated.id, status: updated.status, amountApproved: updated.amountApproved?.toFixed(2) ?? null };
  });
}

/** APPROVED → PAID. */
export async function markCasePaid(actor: Actor, caseId: string) {
  assertHr(actor);
  return db.$transaction(async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    assertTransition(c.status, "PAID");
    const updated = await tx.compensationCase.update({
      where: { id: caseId },
      data: {
        status: "PAID",
        paidAt: new Date(),
        seal: sealCase({ profileId: c.profileId, status: "PAID", amountRequested: c.amountRequested, amountApproved: c.amountApproved }),
      },
    });
    await writeAudit(tx, {
      actor,
      action: "benefits.case.pay",
      targetType: "CompensationCase",
      targetId: caseId,
      target: `${c.profile.auxNo} ${c.profile.name}`,
      details: { amount: updated.amountApproved?.toFixed(2) ?? null },
    });
    return { id: updated.id, status: updated.status };
  });
}
