/** BCF plans run by financial year, April to March, written "2025-26". */

/** The financial year a date falls in: 1 April 2025 to 31 March 2026 is "2025-26". */
export function financialYearOf(date: Date): string {
  const start = date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** Plain words for what is wrong with a typed financial year, or undefined if it is a good one. */
export function financialYearProblem(text: string): string | undefined {
  const m = /^(\d{4})\s*[-–/]\s*(\d{2})$/.exec(text.trim());
  if (!m) return "Enter the financial year as, for example, 2025-26.";
  const start = Number(m[1]);
  if (Number(m[2]) !== (start + 1) % 100) {
    return `A financial year runs into the next calendar year: ${start}-${String((start + 1) % 100).padStart(2, "0")}.`;
  }
  return undefined;
}

/** "2025 – 26" → "2025-26" */
export function normaliseFinancialYear(text: string): string {
  const m = /^(\d{4})\s*[-–/]\s*(\d{2})$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]}` : text.trim();
}
