/**
 * Funding balance: for each funding source, income minus planned spend is zero (to the penny), and
 * so is the total. Two layouts, recognised by their headings (never by the sheet's name):
 * - one table with income and spend columns per source (the plan's Summary sheet: "Funding source" |
 *   "Income (£)" | "Planned spend (£)" | "Balance (£)"), checked row by row;
 * - otherwise, a pair of tables: income by source ("Funding Sources" | "Amount (£)") and expenditure
 *   lines with a source-of-funding column ("Scheme" … "Source of Funding" | "Planned Expenditure"),
 *   compared after adding the lines up per source.
 * Sources are matched through the BCF vocabulary, so "Disabled Facilities Grant (DFG)" income pays for
 * "DFG" spend; a name the vocabulary cannot place is matched only by its exact wording.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import { SheetGrid, TEXT, differsByAPenny, gridOf, numberAt } from "./grid";
import { money, quoteLabel, toPenny } from "./format";
import { HeadingId, matchFundingSource, matchHeading, normaliseName } from "../vocabulary";

export const FUNDING_BALANCE_RULE = "funding-balance";

/** The vocabulary's reading of each text cell of a heading row (undefined for other cells). */
function headingsOf(grid: SheetGrid, h: number): Array<HeadingId | undefined> {
  const ids: Array<HeadingId | undefined> = [];
  for (let c = 0; c < grid.cols; c++) {
    ids.push(grid.k(h, c) === TEXT ? matchHeading(grid.text(h, c)) : undefined);
  }
  return ids;
}

/** Columns that only expenditure lines carry. */
const LINE_HEADINGS = new Set<HeadingId | undefined>([
  "scheme-id",
  "scheme-name",
  "scheme-type",
  "area-of-spend",
  "commissioner",
  "provider",
]);

interface BalanceTable {
  grid: SheetGrid;
  header: number;
  label: number;
  income: number;
  spend: number;
  balance?: number;
}

function findBalanceTables(grid: SheetGrid): BalanceTable[] {
  const tables: BalanceTable[] = [];
  for (let h = 0; h < grid.rows; h++) {
    if (grid.rowHasNumber[h] || grid.rowBlank[h]) continue;
    const ids = headingsOf(grid, h);
    const income = ids.indexOf("income");
    const spend = ids.indexOf("planned-spend");
    if (income < 0 || spend < 0) continue;
    const balance = ids.indexOf("balance");
    let label = ids.indexOf("source-of-funding");
    if (label < 0) label = ids.findIndex((id, c) => id === undefined && grid.k(h, c) === TEXT);
    tables.push({
      grid,
      header: h,
      label: Math.max(label, 0),
      income,
      spend,
      balance: balance < 0 ? undefined : balance,
    });
  }
  return tables;
}

function checkBalanceTable(t: BalanceTable, findings: Finding[]): number {
  let compared = 0;
  const { grid } = t;
  const heading = (c: number) => quoteLabel(grid.text(t.header, c));
  for (let r = t.header + 1; r < grid.rows; r++) {
    if (grid.rowBlank[r]) break;
    if (!grid.rowHasNumber[r]) {
      if (grid.k(r, t.income) === TEXT || grid.k(r, t.spend) === TEXT) break; // the next heading
      continue;
    }
    const income = numberAt(grid, r, t.income);
    const spend = numberAt(grid, r, t.spend);
    const balance = numberAt(grid, r, t.balance);
    if (income === undefined && spend === undefined) continue;
    compared++;
    const source = grid.text(r, t.label) || `row ${grid.addr(r, t.label).replace(/^[A-Z]+/, "")}`;
    const net = (income ?? 0) - (spend ?? 0);
    const where = grid.addr(r, t.balance ?? t.spend);
    if (differsByAPenny(net, 0)) {
      const isTotal = grid.rowTotalLabel(r) !== undefined;
      findings.push({
        rule: FUNDING_BALANCE_RULE,
        severity: "error",
        sheet: grid.name,
        cell: where,
        message: isTotal
          ? `The plan does not balance in total (${quoteLabel(source)}): ${heading(t.income)} ${money(income ?? 0)} minus ` +
            `${heading(t.spend)} ${money(spend ?? 0)} leaves ${money(net)}; it should be £0.`
          : `${quoteLabel(source)} does not balance: ${heading(t.income)} ${money(income ?? 0)} minus ` +
            `${heading(t.spend)} ${money(spend ?? 0)} leaves ${money(net)}; income and planned spend must match ` +
            `for each funding source.`,
        expected: 0,
        actual: toPenny(net),
      });
    } else if (balance !== undefined && differsByAPenny(balance, 0)) {
      findings.push({
        rule: FUNDING_BALANCE_RULE,
        severity: "error",
        sheet: grid.name,
        cell: where,
        message:
          `${quoteLabel(source)}: ${heading(t.balance!)} shows ${money(balance)} although income and planned spend ` +
          `are both ${money(income ?? 0)}; the balance should be £0.`,
        expected: 0,
        actual: toPenny(balance),
      });
    }
  }
  return compared;
}

// ---------------------------------------------------------------------------------------------
// Income and expenditure in separate tables.

interface SourceTable {
  grid: SheetGrid;
  header: number;
  source: number;
  amount: number;
}

/** The first column with one of the headings, in order of preference. */
function firstOf(ids: Array<HeadingId | undefined>, wanted: HeadingId[]): number | undefined {
  for (const w of wanted) {
    const c = ids.indexOf(w);
    if (c >= 0) return c;
  }
  return undefined;
}

/**
 * Heading rows with a source-of-funding column and an amount. Expenditure lines say what they are
 * with a planned-spend heading or the columns only lines carry (scheme, area of spend, commissioner);
 * a table of sources and amounts without them is income.
 */
function findSourceTables(grid: SheetGrid): { income: SourceTable[]; spend: SourceTable[] } {
  const income: SourceTable[] = [];
  const spend: SourceTable[] = [];
  for (let h = 0; h < grid.rows; h++) {
    if (grid.rowHasNumber[h] || grid.rowBlank[h]) continue;
    const ids = headingsOf(grid, h);
    const source = ids.indexOf("source-of-funding");
    if (source < 0) continue;
    if (ids.includes("income") && ids.includes("planned-spend")) continue; // a balance table
    const isSpend = ids.includes("planned-spend") || ids.some((id) => LINE_HEADINGS.has(id));
    if (isSpend) {
      // The line's total where it is split (NHS (£) | Council (£) | Total (£)).
      let total: number | undefined;
      for (let c = 0; c < grid.cols; c++) {
        if (
          c !== source &&
          grid.totalLabels.has(h * grid.cols + c) &&
          !grid.text(h, c).includes("%")
        ) {
          total = c;
          break;
        }
      }
      const amount = total ?? firstOf(ids, ["planned-spend", "amount"]);
      if (amount !== undefined) spend.push({ grid, header: h, source, amount });
    } else {
      const amount = firstOf(ids, ["income", "amount", "allocation"]);
      if (amount !== undefined) income.push({ grid, header: h, source, amount });
    }
  }
  return { income, spend };
}

/** Sources are matched by the vocabulary; a name it cannot place only by its own wording. */
function sourceKey(name: string): string {
  return matchFundingSource(name) ?? `name:${normaliseName(name)}`;
}

interface SourceSum {
  name: string;
  amount: number;
  sheet: string;
  cell: string;
}

function sumBySource(t: SourceTable): Map<string, SourceSum> {
  const { grid } = t;
  const sums = new Map<string, SourceSum>();
  for (let r = t.header + 1; r < grid.rows; r++) {
    if (grid.rowBlank[r]) break;
    if (!grid.rowHasNumber[r] && grid.k(r, t.amount) === TEXT) break;
    if (grid.rowTotalLabel(r)) continue;
    const name = grid.text(r, t.source);
    if (!name) continue;
    const key = sourceKey(name);
    const value = numberAt(grid, r, t.amount) ?? 0;
    const entry = sums.get(key);
    if (entry) entry.amount += value;
    else sums.set(key, { name, amount: value, sheet: grid.name, cell: grid.addr(r, t.amount) });
  }
  return sums;
}

/** Where one side names the Discharge Fund whole, its council and ICB parts count towards it. */
function foldDischargeParts(a: Map<string, SourceSum>, b: Map<string, SourceSum>): void {
  if (!a.has("discharge-fund") && !b.has("discharge-fund")) return;
  for (const side of [a, b]) {
    for (const part of ["discharge-fund-la", "discharge-fund-icb"]) {
      const p = side.get(part);
      if (!p) continue;
      side.delete(part);
      const whole = side.get("discharge-fund");
      if (whole) whole.amount += p.amount;
      else side.set("discharge-fund", { ...p });
    }
  }
}

/** Said of a name the vocabulary could not place, rather than guessing which source it means. */
function unplaced(key: string, name: string, other: "income" | "expenditure"): string {
  return key.startsWith("name:")
    ? ` ${quoteLabel(name)} is not a BCF funding source name the checks recognise, and no ${other} line uses it: ` +
        `if it is one of the plan's sources, name it the same way on both sheets.`
    : "";
}

function checkSourcePair(income: SourceTable, spend: SourceTable, findings: Finding[]): number {
  const inc = sumBySource(income);
  const exp = sumBySource(spend);
  foldDischargeParts(inc, exp);
  // Two tables that share no source names are not a pair.
  if (![...exp.keys()].some((k) => inc.has(k))) return 0;
  const compared = new Set([...inc.keys(), ...exp.keys()]).size;
  for (const [key, s] of exp) {
    const i = inc.get(key);
    const incomeAmount = i?.amount ?? 0;
    if (!differsByAPenny(incomeAmount, s.amount)) continue;
    const at = i ?? s;
    findings.push({
      rule: FUNDING_BALANCE_RULE,
      severity: "error",
      sheet: at.sheet,
      cell: at.cell,
      message:
        `${quoteLabel(s.name)} does not balance: income ${money(incomeAmount)} (${income.grid.name}) minus planned ` +
        `spend ${money(s.amount)} (${spend.grid.name}) leaves ${money(incomeAmount - s.amount)}; income and planned ` +
        `spend must match for each funding source.${i ? "" : unplaced(key, s.name, "income")}`,
      expected: 0,
      actual: toPenny(incomeAmount - s.amount),
    });
  }
  for (const [key, i] of inc) {
    if (exp.has(key) || !differsByAPenny(i.amount, 0)) continue;
    findings.push({
      rule: FUNDING_BALANCE_RULE,
      severity: "error",
      sheet: i.sheet,
      cell: i.cell,
      message:
        `${quoteLabel(i.name)} brings ${money(i.amount)} of income but no planned spend on ${spend.grid.name} ` +
        `names it as its source of funding; the balance should be £0.${unplaced(key, i.name, "expenditure")}`,
      expected: 0,
      actual: toPenny(i.amount),
    });
  }
  return compared;
}

export function checkFundingBalance(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  const grids = snapshot.sheets.map(gridOf);
  let checked = 0;
  let balanceTables = 0;
  for (const grid of grids) {
    for (const t of findBalanceTables(grid)) {
      balanceTables++;
      checked += checkBalanceTable(t, findings);
    }
  }
  const outcome = (note: string): RuleOutcome => ({
    findings,
    coverage: { rule: FUNDING_BALANCE_RULE, checked, ...(checked ? {} : { note }) },
  });
  // The plan's Summary already nets income against spend; comparing its sources again would repeat it.
  if (balanceTables > 0) return outcome("the income and planned spend table has no figures");
  const tables = grids.map(findSourceTables);
  const incomeTables = tables.flatMap((t) => t.income);
  const spendTables = tables.flatMap((t) => t.spend);
  for (const income of incomeTables) {
    for (const spend of spendTables) checked += checkSourcePair(income, spend, findings);
  }
  return outcome(
    incomeTables.length === 0 && spendTables.length === 0
      ? "no income by source or expenditure lines with a source of funding found"
      : incomeTables.length === 0
        ? "expenditure lines found, but no income by source to compare them with"
        : spendTables.length === 0
          ? "income by source found, but no expenditure lines with a source of funding"
          : "the income and expenditure tables name no source in common"
  );
}
