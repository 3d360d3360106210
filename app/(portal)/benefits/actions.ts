"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor, requirePermission } from "@/lib/auth/current";
import { formAction, type ActionState } from "@/lib/http/actions";
import { isAppError } from "@/lib/errors";
import { runSheetImport, type SheetImportState } from "@/lib/http/sheet-import";
import { commitAuxImport, previewAuxImport, type AuxImportPreviewRow } from "@/lib/benefits/aux-import";
import {
  createAuxiliary,
  createRecord,
  deleteRecord,
  markCasePaid,
  revealIdNumber,
  reviewCase,
  updateAuxiliary,
  updateSizes,
} from "@/lib/benefits/mutations";
import { batchIssue, createItem, createStandard, issueItem } from "@/lib/benefits/equipment";
import { addVisit, createCampaign } from "@/lib/benefits/campaigns";
import { decidePromotion, saveRule } from "@/lib/benefits/promotion";
import { commitPayImport, previewPayImport, type PayPreview } from "@/lib/benefits/pay-import";

const form = (fd: FormData) => Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;

function profileInput(fd: FormData) {
  const f = form(fd);
  const sizes = Object.fromEntries(
    Object.entries(f)
      .filter(([k, v]) => k.startsWith("size.") && v.trim())
      .map(([k, v]) => [k.slice(5), v]),
  );
  return { ...f, sizes };
}

export async function createProfileAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requirePermission("benefits.manage");
    const p = await createAuxiliary(actor, profileInput(fd));
    revalidatePath("/benefits");
    redirect(`/benefits/${p.id}`);
  });
}

export async function updateProfileAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requirePermission("benefits.manage");
    const id = String(fd.get("id") ?? "");
    await updateAuxiliary(actor, id, profileInput(fd));
    revalidatePath(`/benefits/${id}`);
    redirect(`/benefits/${id}`);
  });
}

/** The explicit reveal: returns the number once to the client component; audited in the domain. */
export async function revealIdAction(profileId: string): Promise<{ idNumber?: string; message?: string }> {
  try {
    const actor = await requirePermission("benefits.manage");
    return { idNumber: await revealIdNumber(actor, profileId) };
  } catch (e) {
    if (isAppError(e)) return { message: e.message };
    throw e;
  }
}

export async function addRecordAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requirePermission("benefits.manage");
    const f = form(fd);
    const details: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f)) if (k.startsWith("details.") && v.trim()) details[k.slice(8)] = v.trim();
    await createRecord(actor, {
      auxiliaryId: f.auxiliaryId,
      category: f.category,
      occurredOn: f.occurredOn,
      title: f.title,
      amount: f.amount,
      kind: f.kind || undefined,
      details,
    });
    revalidatePath(`/benefits/${f.auxiliaryId}`);
  });
}

export async function deleteRecordAction(fd: FormData): Promise<void> {
  const actor = await requirePermission("benefits.manage");
  await deleteRecord(actor, String(fd.get("recordId")));
  revalidatePath(`/benefits/${String(fd.get("profileId"))}`);
}

export async function reviewCaseAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requirePermission("benefits.manage");
    const f = form(fd);
    await reviewCase(actor, f.caseId!, { decision: f.decision, amountApproved: f.amountApproved, note: f.note });
    revalidatePath(`/benefits/${f.profileId}`);
  });
}

export async function payCaseAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requirePermission("benefits.manage");
    await markCasePaid(actor, String(fd.get("caseId")));
    revalidatePath(`/benefits/${String(fd.get("profileId"))}`);
  });
}

export async function saveSizesAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requirePermission("benefits.manage");
    const f = form(fd);
    const sizes = Object.fromEntries(
      Object.entries(f)
        .filter(([k]) => k.startsWith("size."))
        .map(([k, v]) => [k.slice(5), v]),
    );
    await updateSizes(actor, f.profileId!, sizes);
    revalidatePath(`/benefits/${f.profileId}`);
  });
}

export async function issueItemAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requirePermission("benefits.manage");
    const f = form(fd);
    await issueItem(actor, f);
    revalidatePath(`/benefits/${f.profileId}`);
  });
}

export async function createItemAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    await createItem(await requirePermission("benefits.manage"), form(fd));
    revalidatePath("/benefits/equipment");
  });
}

export async function createStandardAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    await createStandard(await requirePermission("benefits.manage"), form(fd));
    revalidatePath("/benefits/equipment");
  });
}

export async function batchIssueAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const res = await batchIssue(await requirePermission("benefits.manage"), form(fd));
    revalidatePath("/benefits/equipment");
    return { ok: true, message: String(res.count), result: {} };
  });
}

export async function createCampaignAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const c = await createCampaign(await requirePermission("benefits.manage"), form(fd));
    redirect(`/benefits/campaigns/${c.id}`);
  });
}

export async function addVisitAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const f = form(fd);
    await addVisit(await requirePermission("benefits.manage"), f);
    revalidatePath(`/benefits/campaigns/${f.campaignId}`);
  });
}

export async function saveRuleAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    await saveRule(await requirePermission("benefits.manage"), form(fd));
    revalidatePath("/benefits/promotion");
  });
}

export async function decidePromotionAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    await decidePromotion(await requirePermission("benefits.manage"), form(fd));
    revalidatePath("/benefits/promotion");
  });
}

export type PayImportState = {
  preview?: PayPreview;
  imported?: number;
  message?: string;
  rows?: { row: number; message: string }[];
  code?: string;
};

/** Preview or commit, depending on the submit button; the file travels with both. */
export async function payImportAction(_: PayImportState, fd: FormData): Promise<PayImportState> {
  try {
    const actor = await requireActor();
    const file = fd.get("file");
    if (!(file instanceof File) || !file.size) return { message: "请选择工资表文件（.xlsx 或 .csv）" };
    const data = Buffer.from(await file.arrayBuffer());
    if (fd.get("intent") === "commit") {
      const res = await commitPayImport(actor, { month: fd.get("month"), replace: fd.get("replace"), data, fileName: file.name });
      revalidatePath("/benefits/pay-import");
      return { imported: res.imported };
    }
    return { preview: await previewPayImport(actor, { month: fd.get("month"), data, fileName: file.name }) };
  } catch (e) {
    if (isAppError(e)) {
      const rows = (e.extra?.rows as { row: number; message: string }[] | undefined) ?? undefined;
      const fieldMsg = e.fields ? Object.values(e.fields).join("；") : "";
      return { code: e.code, message: fieldMsg || e.message, rows };
    }
    throw e;
  }
}

export type AuxImportState = SheetImportState<AuxImportPreviewRow, { created: number; linked: number }>;

/** Preview or commit the auxiliary profile sheet, depending on the submit button. */
export async function auxImportAction(_: AuxImportState, fd: FormData): Promise<AuxImportState> {
  const actor = await requirePermission("benefits.manage");
  const state = await runSheetImport(fd, "请选择辅警档案表文件（.xlsx 或 .csv）", {
    preview: (f) => previewAuxImport(actor, f),
    commit: (f) => commitAuxImport(actor, f),
  });
  if (state.done) revalidatePath("/benefits");
  return state;
}
