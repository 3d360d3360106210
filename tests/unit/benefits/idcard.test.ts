import { checkCharOf, checkIdNumber, makeIdNumber, maskIdNumber } from "@/lib/benefits/idcard";
import { formatCents, parseCents } from "@/lib/benefits/money";

describe("GB 11643 ID numbers", () => {
  test("accepts the standard's published example", () => {
    // GB 11643-1999 appendix example: 11010519491231002X
    expect(checkIdNumber("11010519491231002X", new Date("2000-01-01")).ok).toBe(true);
  });

  test("computes the ISO 7064 MOD 11-2 check character", () => {
    expect(checkCharOf("11010519491231002")).toBe("X");
    const id = makeIdNumber("210302", "19900315", 123);
    expect(checkIdNumber(id)).toMatchObject({ ok: true, birthDate: "1990-03-15", gender: "MALE" });
  });

  test("rejects a wrong check digit", () => {
    const id = makeIdNumber("210302", "19900315", 124);
    const wrong = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    expect(checkIdNumber(wrong)).toEqual({ ok: false, reason: "CHECK_DIGIT" });
  });

  test("rejects impossible or implausible birth dates", () => {
    expect(checkIdNumber(makeIdNumber("210302", "19900230", 1))).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(checkIdNumber(makeIdNumber("210302", "18800101", 1))).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(checkIdNumber(makeIdNumber("210302", "20250101", 1), new Date("2026-11-26"))).toEqual({ ok: false, reason: "BIRTH_DATE" });
  });

  test("rejects wrong lengths and letters", () => {
    expect(checkIdNumber("21030219900315123")).toEqual({ ok: false, reason: "FORMAT" });
    expect(checkIdNumber("2103021990031512A4")).toEqual({ ok: false, reason: "FORMAT" });
  });

  test("masks all but the region prefix and the last four", () => {
    expect(maskIdNumber("210302199003151234")).toBe("2103**********1234");
  });
});

describe("money in cents", () => {
  test("parses yuan text exactly, without floating point", () => {
    expect(parseCents("0.1")! + parseCents("0.2")!).toBe(parseCents("0.3"));
    expect(parseCents("1,234.5")).toBe(123450n);
    expect(parseCents("-3.07")).toBe(-307n);
    expect(parseCents("1.234")).toBeNull();
    expect(parseCents("abc")).toBeNull();
  });

  test("accepts spreadsheet doubles only when they are whole cents", () => {
    expect(parseCents(0.1 + 0.2)).toBe(30n);
    expect(parseCents(4567.89)).toBe(456789n);
    expect(parseCents(1.005)).toBeNull();
  });

  test("formats cents", () => {
    expect(formatCents(30n)).toBe("0.30");
    expect(formatCents(-123456n)).toBe("-1234.56");
  });
});
