import "server-only";
import type { Actor } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditOutcome = "SUCCESS" | "FAILURE" | "DENIED";

/** Who acted: an Actor, or the part of one known at sign-in and refusal time. */
export type AuditActor = Pick<Actor, "id" | "badgeNo" | "name"> & Partial<Pick<Actor, "ip" | "roles" | "requestId">>;

export type AuditEntry = {
  actor: AuditActor | null;
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
  /** the request id when there is no actor. */
  requestId?: string | null;
};

/**
 * Append an audit entry. Pass the transaction client so the entry commits or rolls back with
 * the change it describes; denied and failed attempts are written with the plain client.
 *
 * The database chains the entry (trigger audit_log_chain: gap-free `seq`, `hash` over the
 * predecessor's hash) and holds the chain head's row lock until the transaction ends, so write
 * the entry as the last statement of a transaction where you can.
 */
export async function writeAudit(client: Tx | typeof db, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorBadgeNo: entry.actor?.badgeNo ?? null,
      actorName: entry.actor?.name ?? null,
      actorRoles: entry.actor?.roles ? [...entry.actor.roles] : [],
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      target: entry.target ?? null,
      ip: entry.actor?.ip ?? entry.ip ?? null,
      outcome: entry.outcome ?? "SUCCESS",
      requestId: entry.actor?.requestId ?? entry.requestId ?? null,
      details: entry.details,
    },
    select: { id: true },
  });
}
