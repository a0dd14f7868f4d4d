/**
 * A cell's value as Excel would display it under its number format (Range.text), for the formats a BCF
 * workbook uses: General, "£#,##0.00", "#,##0", "0%", "0.0%", "0.00", text "@", positive;negative;zero
 * sections, quoted text, [$£-809] currency, and dates and times ("dd/mm/yyyy", "d mmm yy", "hh:mm").
 * Colours ([Red]) and conditions are not drawn. The preview grid shows this text, so it and Range.text
 * cannot disagree.
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

/** "[$£-809]" (a currency symbol with its locale) becomes the quoted symbol; [Red], [>=100] and the like go. */
function withoutBrackets(section: string): string {
  return section.replace(/\[([^\]]*)\]/g, (_m, inner: string) =>
    inner.startsWith("$") ? `"${inner.slice(1).split("-")[0]}"` : ""
  );
}

/** One section applied to a non-negative number. */
function applySection(section: string, value: number): string {
  const cleaned = withoutBrackets(section);
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
  // Excel rounds the figure as it writes it in decimal (15 significant digits), so 1.005 shows as 1.01
  // although the binary double is a hair below 1.005.
  const scaled = Number((n * 10 ** decimals).toPrecision(15));
  let [whole, fraction = ""] = (Math.round(scaled) / 10 ** decimals).toFixed(decimals).split(".");
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
  if (!format || format === "General" || format === "@") return numberToText(value);
  const sections = splitSections(format);
  if (isDateSection(sections[0])) {
    // Excel shows a negative or out-of-range date as ####; the figure itself says more here.
    return value >= 0 && value < MAX_DATE_SERIAL
      ? formatDate(sections[0], value)
      : numberToText(value);
  }
  if (value < 0) {
    if (sections.length >= 2) return applySection(sections[1], -value);
    return `-${applySection(sections[0], -value)}`;
  }
  if (value === 0 && sections.length >= 3) return applySection(sections[2], 0);
  return applySection(sections[0], value);
}

/** 31 December 9999, the last date Excel shows. */
const MAX_DATE_SERIAL = 2958466;

/** Format text with quoted literals, escapes and [..] sections removed, so only the format codes remain. */
function codesOf(section: string): string {
  return section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
}

function isDateSection(section: string): boolean {
  return /[dmyhs]/i.test(codesOf(section).replace(/General/gi, ""));
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * The calendar date and time of an Excel serial (1900 date system): day 1 is 1 January 1900, and
 * Excel counts a 29 February 1900 that never was (serial 60), so later serials count from 30 December 1899.
 */
function serialToDate(serial: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
} {
  let days = Math.floor(serial);
  let secondsOfDay = Math.round((serial - days) * 86400);
  if (secondsOfDay === 86400) {
    days += 1;
    secondsOfDay = 0;
  }
  const time = {
    hours: Math.floor(secondsOfDay / 3600),
    minutes: Math.floor((secondsOfDay % 3600) / 60),
    seconds: secondsOfDay % 60,
  };
  // Excel's weekday for serial n: serial 1 (1 January 1900) was, in Excel's count, a Sunday.
  const weekday = (days + 6) % 7;
  if (days === 60) return { year: 1900, month: 2, day: 29, weekday, ...time };
  const date = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86400000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday,
    ...time,
  };
}

/** A date/time section: d, dd, ddd, dddd, m…mmmmm, yy, yyyy, h, hh, m/mm as minutes, s, ss, AM/PM. */
function formatDate(section: string, serial: number): string {
  const at = serialToDate(serial);
  const cleaned = withoutBrackets(section);
  const twelveHour = /AM\/PM|A\/P/i.test(codesOf(section));
  const tokens: Array<{ code: string } | { text: string }> = [];
  for (let i = 0; i < cleaned.length;) {
    const ch = cleaned[i];
    if (ch === '"') {
      const end = cleaned.indexOf('"', i + 1);
      tokens.push({ text: cleaned.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? cleaned.length : end + 1;
    } else if (ch === "\\") {
      tokens.push({ text: cleaned[i + 1] ?? "" });
      i += 2;
    } else if (/^AM\/PM/i.test(cleaned.slice(i))) {
      tokens.push({ text: at.hours < 12 ? "AM" : "PM" });
      i += 5;
    } else if (/^A\/P/i.test(cleaned.slice(i))) {
      tokens.push({ text: at.hours < 12 ? "A" : "P" });
      i += 3;
    } else if (/[dmyhs]/i.test(ch)) {
      let end = i;
      while (end < cleaned.length && cleaned[end].toLowerCase() === ch.toLowerCase()) end++;
      tokens.push({ code: cleaned.slice(i, end).toLowerCase() });
      i = end;
    } else {
      tokens.push({ text: ch === "_" ? " " : ch === "*" ? "" : ch });
      i += ch === "_" || ch === "*" ? 2 : 1;
    }
  }
  const codes = tokens.map((t) => ("code" in t ? t.code[0] : ""));
  /** m right after an hour or right before a second is minutes, not the month. */
  const isMinutes = (k: number): boolean => {
    const before = codes.slice(0, k).filter(Boolean).pop();
    const after = codes.slice(k + 1).find(Boolean);
    return before === "h" || after === "s";
  };
  const two = (n: number) => String(n).padStart(2, "0");
  return tokens
    .map((t, k) => {
      if ("text" in t) return t.text;
      const { code } = t;
      const hours12 = at.hours % 12 === 0 ? 12 : at.hours % 12;
      const hours = twelveHour ? hours12 : at.hours;
      switch (code[0]) {
        case "y":
          return code.length <= 2 ? two(at.year % 100) : String(at.year);
        case "d":
          if (code.length >= 4) return DAYS[at.weekday];
          if (code.length === 3) return DAYS[at.weekday].slice(0, 3);
          return code.length === 2 ? two(at.day) : String(at.day);
        case "h":
          return code.length >= 2 ? two(hours) : String(hours);
        case "s":
          return code.length >= 2 ? two(at.seconds) : String(at.seconds);
        default: // m
          if (code.length <= 2 && isMinutes(k))
            return code.length === 2 ? two(at.minutes) : String(at.minutes);
          if (code.length >= 5) return MONTHS[at.month - 1][0];
          if (code.length === 4) return MONTHS[at.month - 1];
          if (code.length === 3) return MONTHS[at.month - 1].slice(0, 3);
          return code.length === 2 ? two(at.month) : String(at.month);
      }
    })
    .join("");
}
