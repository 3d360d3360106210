import "server-only";
import { can, hasRole, type Actor } from "@/lib/access";
import type { db, Prisma, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The two access rules of training, each in one home, as a Prisma filter and in memory.

/** The one visibility rule: the office sees everything; lecturers also their own sessions;
 * everyone else sessions that were published (including ones later cancelled, so a notice's
 * link still opens). */
export function sessionVisibility(actor: Actor): Prisma.TrainingSessionWhereInput {
  if (can(actor, "training.manage")) return {};
  const published: Prisma.TrainingSessionWhereInput = { publishedAt: { not: null } };
  if (hasRole(actor, "LECTURER")) return { OR: [published, { lecturers: { some: { userId: actor.id } } }] };
  return published;
}

/** sessionVisibility for a row already loaded (e.g. locked FOR UPDATE); without its lecturers
 * only the office and publication count. */
export function canSeeSession(actor: Actor, s: { publishedAt: Date | null; lecturers?: readonly { userId: string | null }[] }): boolean {
  if (can(actor, "training.manage") || s.publishedAt) return true;
  return hasRole(actor, "LECTURER") && !!s.lecturers?.some((l) => l.userId === actor.id);
}

/** "The lecturer of this session or the training office", for a session whose lecturers are loaded. */
export function teachesOrManages(actor: Actor, s: { lecturers: readonly { userId: string | null }[] }): boolean {
  return can(actor, "training.manage") || (can(actor, "training.teach") && s.lecturers.some((l) => l.userId === actor.id));
}

/** The same rule read from the database: the office, or a lecturer row of this session. */
export async function isTeacherOrOffice(client: Tx | typeof db, actor: Actor, sessionId: string): Promise<boolean> {
  if (can(actor, "training.manage")) return true;
  if (!can(actor, "training.teach")) return false;
  return !!(await client.trainingLecturer.findFirst({ where: { sessionId, userId: actor.id }, select: { id: true } }));
}

export async function assertTeachesOrManages(client: Tx | typeof db, actor: Actor, sessionId: string): Promise<void> {
  if (!(await isTeacherOrOffice(client, actor, sessionId))) throw new AppError("FORBIDDEN", "只有该培训的授课人或训练科可以登记考勤");
}
