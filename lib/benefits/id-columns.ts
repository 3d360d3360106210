import "server-only";
import { blindIndex, encryptField } from "@/lib/crypto";
import { checkIdNumber, maskIdNumber } from "./idcard";

// The one home of how an ID number is stored (README "Sensitive data"): the ciphertext, a
// blind index for uniqueness and lookup, the mask for lists, and what the number tells. The
// domain's writes and the test factory (and so the demo seed) both build the columns here.

/** The blind index's purpose: changing it orphans every stored hash. */
const ID_PURPOSE = "auxiliary-id-number";

/** The stored columns for a valid ID number, or null when it is not one. */
export function idNumberColumns(idNumber: string) {
  const r = checkIdNumber(idNumber);
  if (!r.ok) return null;
  return {
    idNumberEnc: encryptField(r.normalized),
    idNumberHash: blindIndex(ID_PURPOSE, r.normalized),
    idNumberMasked: maskIdNumber(r.normalized),
    gender: r.gender,
    // the year only: the full date beside the masked number would rebuild it (issue 9 item 8)
    birthYear: Number(r.birthDate.slice(0, 4)),
  };
}
