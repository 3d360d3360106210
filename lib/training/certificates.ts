import "server-only";
import type { Actor } from "@/lib/access";
import { signToken, verifyToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { ensureCertificate, findCertificate, formatSerial } from "./certificate-registry";
import { creditedWhere } from "./credit";

const PURPOSE = "training-certificate";

export type CertificateDto = {
  enrollmentId: string;
  name: string;
  badgeNo: string;
  title: string;
  categoryName: string;
  startsAt: Date;
  creditHours: number;
  token: string;
  /** QS-2026-000042 */
  serial: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
};

// A certificate exists only for credited attendance: not before the session has taken place.
async function load(enrollmentId: string, now: Date, userId?: string) {
  return db.trainingEnrollment.findFirst({
    where: { id: enrollmentId, ...(userId ? { userId } : {}), ...creditedWhere(now) },
    select: {
      id: true,
      user: { select: { name: true, badgeNo: true } },
      session: { select: { title: true, startsAt: true, creditHours: true, category: { select: { name: true } } } },
    },
  });
}

/** My own certificate of attendance (only for sessions I attended). */
export async function getMyCertificate(actor: Actor, enrollmentId: string, now = new Date()): Promise<CertificateDto> {
  const e = await load(enrollmentId, now, actor.id);
  if (!e) throw notFound("证书");
  const c = await ensureCertificate(db, e.id, now);
  return {
    enrollmentId: e.id,
    name: e.user.name,
    badgeNo: e.user.badgeNo,
    title: e.session.title,
    categoryName: e.session.category.name,
    startsAt: e.session.startsAt,
    creditHours: Number(e.session.creditHours),
    token: signToken(PURPOSE, { e: e.id }),
    serial: formatSerial(c.serialNo, c.issuedAt),
    issuedAt: c.issuedAt,
    revokedAt: c.revokedAt,
    revokeReason: c.revokeReason,
  };
}

/** Public: is this certificate genuine? Returns only what the certificate itself shows (no badge number). */
export async function verifyCertificate(token: string, now = new Date()) {
  const payload = verifyToken<{ e?: unknown }>(PURPOSE, token);
  if (!payload || typeof payload.e !== "string") return null;
  const e = await load(payload.e, now);
  if (!e) return null;
  const c = await findCertificate(e.id);
  return {
    name: e.user.name,
    title: e.session.title,
    categoryName: e.session.category.name,
    startsAt: e.session.startsAt,
    creditHours: Number(e.session.creditHours),
    // a certificate printed before serial numbers existed keeps the number it shows
    certificateNo: c ? formatSerial(c.serialNo, c.issuedAt) : e.id.slice(-10).toUpperCase(),
    issuedAt: c?.issuedAt ?? null,
    revoked: !!c?.revokedAt,
    revokedAt: c?.revokedAt ?? null,
  };
}
