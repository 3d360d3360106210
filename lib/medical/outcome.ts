import "server-only";
import { decryptField, DecryptionError, encryptField } from "@/lib/crypto";
import { logger } from "@/lib/logger";

// A liver-check outcome is health data (issue 9 item 8): stored encrypted like health notes, in
// MedicalBooking.outcomeEnc. The plaintext enum column `outcome` is legacy: the start-up step
// (lib/keys/maintenance.ts) moves old values into outcomeEnc and empties it.

export type Outcome = "NORMAL" | "ABNORMAL_RECHECK";
const OUTCOMES = new Set<string>(["NORMAL", "ABNORMAL_RECHECK"]);

export const encryptOutcome = (o: Outcome) => encryptField(o);

/** The outcome of a booking row (encrypted or legacy). Undecryptable → null, logged (never a 500 for a list). */
export function readOutcome(r: { outcome?: string | null; outcomeEnc?: string | null }): Outcome | null {
  if (r.outcomeEnc) {
    try {
      const o = decryptField(r.outcomeEnc);
      return OUTCOMES.has(o) ? (o as Outcome) : null;
    } catch (e) {
      if (!(e instanceof DecryptionError)) throw e;
      logger.warn("medical outcome cannot be decrypted with the configured keys");
      return null;
    }
  }
  return r.outcome && OUTCOMES.has(r.outcome) ? (r.outcome as Outcome) : null;
}
