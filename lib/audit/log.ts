import "server-only";
import type { Actor } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditOutcome = "SUCCESS" | "FAILURE" | "DENIED";

export type AuditEntry = {
  actor: Pick<Actor, "id" | "badgeNo" | "name" | "ip"> | null;
  /** dotted verb: "auth.sign_in", "training.session.publish", "medical.note.read" … */
  action: string;
  targetType?: string;
  targetId?: string;
  /** human-readable label of the target (a badge number, a session title); never a secret. */
  target?: string;
  outcome?: AuditOutcome;
  /** extra facts; never secrets, health notes or ID numbers. */
  details?: Prisma.InputJsonValue;
  /** the IP when there is no actor (failed sign-in). */
  ip?: string | null;
};

/**
 * Append an audit entry. Pass the transaction client so the entry commits or rolls back with
 * the change it describes; denied and failed attempts are written with the plain client.
 */
export async function writeAudit(client: Tx | typeof db, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorBadgeNo: entry.actor?.badgeNo ?? null,
      actorName: entry.actor?.name ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      target: entry.target ?? null,
      ip: entry.actor?.ip ?? entry.ip ?? null,
      outcome: entry.outcome ?? "SUCCESS",
      details: entry.details,
    },
  });
}
