/**
 * A cell's value as Excel would display it under its number format (Range.text), for the common
 * formats a BCF workbook uses: General, "£#,##0.00", "#,##0", "0%", "0.0%", "0.00", text "@", and
 * positive;negative;zero sections. Date formats and colours are not drawn: such cells show General.
 */
import type { CellValue } from "../core/workbook";
import { numberToText } from "./formula/values";

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** One section applied to a non-negative number. */
function applySection(section: string, value: number): string {
  const cleaned = section.replace(/\[[^\]]*\]/g, ""); // [Red], [$£-809] and the like
  const percent = /%/.test(cleaned.replace(/"[^"]*"/g, ""));
  const n = percent ? value * 100 : value;
  const codeMatch = /[#0?][#0?,]*(\.[#0?]+)?/.exec(
    cleaned.replace(/"[^"]*"/g, (m) => " ".repeat(m.length))
  );
  if (!codeMatch) return cleaned.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const code = codeMatch[0];
  const decimals = code.includes(".") ? code.split(".")[1].replace(/[^0#?]/g, "").length : 0;
  const minDecimals = code.includes(".") ? code.split(".")[1].replace(/[^0]/g, "").length : 0;
  const grouping = code.split(".")[0].includes(",");
  const minInteger = code.split(".")[0].replace(/[^0]/g, "").length;
  let [whole, fraction = ""] = (Math.round(n * 10 ** decimals) / 10 ** decimals)
    .toFixed(decimals)
    .split(".");
  while (fraction.length > minDecimals && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  if (whole === "0" && minInteger === 0) whole = "";
  whole = whole.padStart(minInteger, "0");
  const number =
    (grouping ? groupThousands(whole) : whole) +
    (fraction ? `.${fraction}` : decimals > 0 && minDecimals > 0 ? "." : "");
  const before = cleaned.slice(0, codeMatch.index);
  const after = cleaned.slice(codeMatch.index + code.length);
  const literal = (text: string): string =>
    text
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1")
      .replace(/_./g, " ")
      .replace(/\*./g, "");
  return literal(before) + number + literal(after);
}

export function formatCellValue(value: CellValue, format: string | undefined): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (
    !format ||
    format === "General" ||
    format === "@" ||
    /[dmyhs]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ""))
  ) {
    return numberToText(value);
  }
  const sections = splitSections(format);
  if (value < 0) {
    if (sections.length >= 2) return applySection(sections[1], -value);
    return `-${applySection(sections[0], -value)}`;
  }
  if (value === 0 && sections.length >= 3) return applySection(sections[2], 0);
  return applySection(sections[0], value);
}
