import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/queries";
import { shanghaiYear } from "@/lib/time";
import { pageSchema, parseInput, type Paged } from "@/lib/validation";

// Certificate numbers, issue dates and revocation (pretix/Moodle certificates). A certificate row
// is made the first time its owner opens the certificate (so every printed QR has one); its
// serial comes from a database sequence, so concurrent first views never share a number.

export type CertificateRecord = { id: string; serialNo: number; issuedAt: Date; revokedAt: Date | null; revokeReason: string | null };

const recordSelect = { id: true, serialNo: true, issuedAt: true, revokedAt: true, revokeReason: true } as const;

/** "QS-2026-000042": the bureau's prefix, the Shanghai year of issue, the serial. */
export function formatSerial(serialNo: number, issuedAt: Date): string {
  return `QS-${shanghaiYear(issuedAt)}-${String(serialNo).padStart(6, "0")}`;
}

/** The serial number inside "QS-2026-000042" (or a bare "42"); null when it is not one. */
export function parseSerial(text: string): number | null {
  const m = /^(?:QS-\d{4}-)?0*(\d{1,9})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** The enrolment's certificate, issued now if it has none yet (idempotent, race-free). */
export async function ensureCertificate(client: Tx | typeof db, enrollmentId: string, now = new Date()): Promise<CertificateRecord> {
  await client.trainingCertificate.createMany({ data: [{ enrollmentId, issuedAt: now }], skipDuplicates: true });
  return client.trainingCertificate.findUniqueOrThrow({ where: { enrollmentId }, select: recordSelect });
}

/** The certificate of an enrolment, if one was issued (the public verification page). */
export function findCertificate(enrollmentId: string): Promise<CertificateRecord | null> {
  return db.trainingCertificate.findUnique({ where: { enrollmentId }, select: recordSelect });
}

export const revokeSchema = z.object({ reason: z.string().trim().min(2, "请填写撤销原因").max(200) });

/** The training office revokes a certificate; the verification page then says 已撤销. */
export async function revokeCertificate(actor: Actor, certificateId: string, raw: unknown, now = new Date()): Promise<CertificateRecord> {
  assertCan(actor, "training.manage");
  const { reason } = parseInput(revokeSchema, raw);
  return db.$transaction(async (tx) => {
    const c = await tx.trainingCertificate.findUnique({
      where: { id: certificateId },
      select: {
        id: true,
        serialNo: true,
        issuedAt: true,
        revokedAt: true,
        enrollment: { select: { userId: true, session: { select: { title: true } } } },
      },
    });
    if (!c) throw notFound("证书");
    const done = await tx.trainingCertificate.updateMany({
      where: { id: c.id, revokedAt: null },
      data: { revokedAt: now, revokedById: actor.id, revokeReason: reason },
    });
    if (!done.count) throw new AppError("CERTIFICATE_REVOKED", "该证书已撤销");
    const serial = formatSerial(c.serialNo, c.issuedAt);
    await writeAudit(tx, {
      actor,
      action: "training.certificate.revoke",
      targetType: "TrainingCertificate",
      targetId: c.id,
      target: serial,
      details: { reason },
    });
    await notify(tx, [c.enrollment.userId], {
      kind: "training.certificate.revoked",
      title: "培训证书已撤销",
      body: `您「${c.enrollment.session.title}」的培训证书（${serial}）已由训练科撤销：${reason}`,
      titleEn: "Training certificate revoked",
      bodyEn: `The training office revoked your certificate ${serial} for "${c.enrollment.session.title}": ${reason}`,
    });
    return tx.trainingCertificate.findUniqueOrThrow({ where: { id: c.id }, select: recordSelect });
  });
}

export const listCertificatesSchema = pageSchema.extend({
  q: z.string().trim().max(40).optional(),
  revoked: z.enum(["true", "false", ""]).optional(),
});

export type CertificateRow = {
  id: string;
  serial: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
  user: { badgeNo: string; name: string };
  session: { id: string; title: string; startsAt: Date };
};

/** The office's register of issued certificates: by serial, name or badge number. */
export async function listCertificates(actor: Actor, raw: unknown): Promise<Paged<CertificateRow>> {
  assertCan(actor, "training.manage");
  const q = parseInput(listCertificatesSchema, raw);
  const and: Prisma.TrainingCertificateWhereInput[] = [];
  if (q.q) {
    const serial = parseSerial(q.q);
    and.push({
      OR: [
        ...(serial !== null ? [{ serialNo: serial }] : []),
        { enrollment: { user: { name: { contains: q.q } } } },
        { enrollment: { user: { badgeNo: q.q.toUpperCase() } } },
      ],
    });
  }
  if (q.revoked === "true") and.push({ revokedAt: { not: null } });
  if (q.revoked === "false") and.push({ revokedAt: null });
  const where = { AND: and };
  const [rows, total] = await Promise.all([
    db.trainingCertificate.findMany({
      where,
      orderBy: [{ issuedAt: "desc" }, { serialNo: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        ...recordSelect,
        enrollment: {
          select: {
            user: { select: { badgeNo: true, name: true } },
            session: { select: { id: true, title: true, startsAt: true } },
          },
        },
      },
    }),
    db.trainingCertificate.count({ where }),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      serial: formatSerial(r.serialNo, r.issuedAt),
      issuedAt: r.issuedAt,
      revokedAt: r.revokedAt,
      revokeReason: r.revokeReason,
      user: r.enrollment.user,
      session: r.enrollment.session,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
