import "server-only";
import type { Actor } from "@/lib/access";
import { signToken, verifyToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

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
};

async function load(enrollmentId: string, userId?: string) {
  return db.trainingEnrollment.findFirst({
    where: {
      id: enrollmentId,
      ...(userId ? { userId } : {}),
      status: "ENROLLED",
      attendance: "ATTENDED",
      session: { status: { not: "CANCELLED" } },
    },
    select: {
      id: true,
      user: { select: { name: true, badgeNo: true } },
      session: { select: { title: true, startsAt: true, creditHours: true, category: { select: { name: true } } } },
    },
  });
}

/** My own certificate of attendance (only for sessions I attended). */
export async function getMyCertificate(actor: Actor, enrollmentId: string): Promise<CertificateDto> {
  const e = await load(enrollmentId, actor.id);
  if (!e) throw notFound("证书");
  return {
    enrollmentId: e.id,
    name: e.user.name,
    badgeNo: e.user.badgeNo,
    title: e.session.title,
    categoryName: e.session.category.name,
    startsAt: e.session.startsAt,
    creditHours: Number(e.session.creditHours),
    token: signToken(PURPOSE, { e: e.id }),
  };
}

/** Public: is this certificate genuine? Returns only what the certificate itself shows (no badge number). */
export async function verifyCertificate(token: string) {
  const payload = verifyToken<{ e?: unknown }>(PURPOSE, token);
  if (!payload || typeof payload.e !== "string") return null;
  const e = await load(payload.e);
  if (!e) return null;
  return {
    name: e.user.name,
    title: e.session.title,
    categoryName: e.session.category.name,
    startsAt: e.session.startsAt,
    creditHours: Number(e.session.creditHours),
    certificateNo: e.id.slice(-10).toUpperCase(),
  };
}
