// What the edges refuse before a query runs: PostgreSQL rejects NUL in text with an error that
// used to surface as a 500; the pages and the API turn it into 404/400 instead.
import { z } from "zod";
import { findControlChars, parseInput } from "@/lib/validation";
import { pageId, pageQuery } from "@/lib/http/pages";
import { readQuery } from "@/lib/http/api";

const code = (fn: () => unknown) => {
  try {
    fn();
    return "OK";
  } catch (e) {
    return (e as { code?: string; digest?: string }).code ?? (e as { digest?: string }).digest ?? String(e);
  }
};

test("parseInput refuses NUL anywhere in the input, naming the field", () => {
  const schema = z.object({ title: z.string(), lecturers: z.array(z.object({ name: z.string() })) });
  expect(code(() => parseInput(schema, { title: "a\u0000b", lecturers: [] }))).toBe("VALIDATION_FAILED");
  expect(findControlChars({ title: "ok", lecturers: [{ name: "x\u0000" }] })).toBe("lecturers.0.name");
  // tabs and newlines are text
  expect(parseInput(schema, { title: "第一行\n第二行\t", lecturers: [] }).title).toBe("第一行\n第二行\t");
});

test("the API's query reader refuses NUL with 400", () => {
  expect(code(() => readQuery(new Request("http://x/api?q=%00")))).toBe("VALIDATION_FAILED");
  expect(readQuery(new Request("http://x/api?q=%E6%B3%95"))).toEqual({ q: "法" });
});

test("a page's id must look like an id, else the 404 page", () => {
  expect(pageId("seed-training-u1")).toBe("seed-training-u1");
  expect(pageId("cmx7689gq001dvj7dc9mrwsu8")).toBe("cmx7689gq001dvj7dc9mrwsu8");
  for (const bad of ["\u0000", "a\u0000b", "x".repeat(65), "../etc", "a b", "x'--"]) {
    expect(code(() => pageId(bad))).toMatch(/404/);
  }
});

test("a page's query drops values that cannot be text and keeps the first of repeated keys", () => {
  expect(pageQuery({ q: "\u0000", page: ["2", "3"], month: "2026-12" })).toEqual({ page: "2", month: "2026-12" });
});
