/**
 * Shows a cell value the way Excel displays it under its number format, for the preview grid: the formats
 * the add-in and the sample plan use ("£#,##0.00", "0.0%", "#,##0", "General") and the common shapes of
 * hand-made ones (sections for negative and zero, quoted text, [$£-809] currency, [Red]).
 */
import type { CellValue } from "../core/workbook";

interface Section {
  prefix: string;
  suffix: string;
  /** The number part is absent: the section shows only its text (e.g. "-" for zero). */
  hasNumber: boolean;
  minDecimals: number;
  maxDecimals: number;
  grouping: boolean;
  percent: boolean;
  minIntegerDigits: number;
}

/** Splits on ";" outside quotes. */
function sections(format: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** Turns quoted text, escapes, [$£-809] and padding into literal characters, marking number characters. */
function parseSection(text: string): Section {
  let prefix = "";
  let suffix = "";
  let pattern = "";
  let percent = false;
  let seenNumber = false;
  const literal = (s: string) => {
    if (seenNumber) suffix += s;
    else prefix += s;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      literal(text.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? text.length : end;
    } else if (ch === "\\") {
      literal(text[++i] ?? "");
    } else if (ch === "[") {
      const end = text.indexOf("]", i);
      const inner = text.slice(i + 1, end < 0 ? undefined : end);
      // [$£-809] is a currency symbol with a locale; [Red], [>=100] and the like change nothing shown here.
      if (inner.startsWith("$")) literal(inner.slice(1).split("-")[0]);
      i = end < 0 ? text.length : end;
    } else if (ch === "_") {
      literal(" ");
      i++;
    } else if (ch === "*") {
      i++;
    } else if (/[0#?.,]/.test(ch) && (seenNumber ? suffix === "" : true)) {
      seenNumber = true;
      pattern += ch;
    } else if (ch === "%") {
      percent = true;
      literal("%");
    } else {
      literal(ch);
    }
  }
  const [integerPart, decimalPart = ""] = pattern.split(".");
  return {
    prefix,
    suffix,
    hasNumber: /[0#?]/.test(pattern),
    minDecimals: (decimalPart.match(/0/g) ?? []).length,
    maxDecimals: (decimalPart.match(/[0#?]/g) ?? []).length,
    grouping: integerPart.includes(","),
    percent,
    minIntegerDigits: Math.max((integerPart.match(/0/g) ?? []).length, 0),
  };
}

function general(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = n.toExponential(5).split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    const digits = exponent.replace(/^[+-]/, "").padStart(2, "0");
    return `${mantissa.replace(/\.?0+$/, "")}E${sign}${digits}`;
  }
  // Excel's General shows up to 11 characters of the number, so about 10 significant digits.
  return String(Number(n.toPrecision(10)));
}

function formatNumberWith(section: Section, n: number): string {
  if (!section.hasNumber) return section.prefix + section.suffix;
  const scaled = section.percent ? n * 100 : n;
  let body = scaled.toLocaleString("en-GB", {
    minimumFractionDigits: section.minDecimals,
    maximumFractionDigits: section.maxDecimals,
    useGrouping: section.grouping,
    minimumIntegerDigits: Math.max(1, section.minIntegerDigits),
  });
  if (section.minIntegerDigits === 0 && body.startsWith("0.")) body = body.slice(1);
  return section.prefix + body + section.suffix;
}

/** What Excel shows in the cell: text as typed, TRUE/FALSE, error values as they are, numbers formatted. */
export function formatCellValue(
  value: CellValue | null | undefined,
  numberFormat = "General"
): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  const format = numberFormat.trim();
  if (format === "" || /^general$/i.test(format) || format === "@") return general(value);
  const parts = sections(format);
  if (value < 0) {
    if (parts.length >= 2) return formatNumberWith(parseSection(parts[1]), Math.abs(value));
    const shown = formatNumberWith(parseSection(parts[0]), Math.abs(value));
    // A figure that rounds to zero shows no minus sign.
    return /[1-9]/.test(shown) ? `-${shown}` : shown;
  }
  if (value === 0 && parts.length >= 3) return formatNumberWith(parseSection(parts[2]), 0);
  return formatNumberWith(parseSection(parts[0]), value);
}

/** Numbers sit on the right of a cell, text on the left, as in Excel. */
export function alignsRight(value: CellValue | null | undefined): boolean {
  return typeof value === "number";
}
