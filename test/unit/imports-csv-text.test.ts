import { describe, expect, it } from "vitest";
import { csvCell, csvLine, decodeCsv, detectDelimiter } from "~/domain/imports/csv-text";

describe("decodeCsv", () => {
  it("drops a UTF-8 BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("name,ä")]);
    expect(decodeCsv(bytes)).toEqual({ text: "name,ä", encoding: "utf-8" });
  });
  it("reads Excel's UTF-16 (little endian with BOM)", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("名前;a", "utf16le")]);
    expect(decodeCsv(bytes)).toEqual({ text: "名前;a", encoding: "utf-16le" });
  });
  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    expect(decodeCsv(new Uint8Array([0x4d, 0xfc, 0x6c]))).toEqual({ text: "Mül", encoding: "windows-1252" });
  });
});

describe("detectDelimiter", () => {
  it("finds semicolons, tabs and commas from the header, ignoring quoted ones", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
  });
});

describe("csvCell", () => {
  it("quotes per RFC 4180 and defuses formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a\nb", 1])).toBe('"a\nb",1\r\n');
  });
});
