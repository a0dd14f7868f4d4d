/**
 * Funding balance: for each funding source, income minus planned spend is zero (to the penny), and
 * so is the total. Two layouts:
 * - one table with income and spend columns per source (the plan's Summary sheet: "Funding source" |
 *   "Income (£)" | "Planned spend (£)" | "Balance (£)"), checked row by row;
 * - otherwise, a pair of tables: income by source (an Income sheet) and expenditure lines with a
 *   source-of-funding column (an Expenditure sheet), compared after adding the lines up per source.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding } from "./finding";
import { NUMBER, SheetGrid, TEXT, TEXT_NUMBER, differsByAPenny, gridOf } from "./grid";
import { money, quoteLabel, toPenny } from "./format";

export const FUNDING_BALANCE_RULE = "funding-balance";

const INCOME = /\bincome\b/i;
const SPEND = /\b(planned\s+spend|spend|expenditure|planned\s+expenditure)\b/i;
const BALANCE = /\b(balance|surplus|deficit|difference|variance|unallocated)\b/i;
const SOURCE = /\b(funding\s+source|source\s+of\s+funding|source|funding\s+stream)\b/i;

function numberAt(grid: SheetGrid, r: number, c: number | undefined): number | undefined {
  if (c === undefined) return undefined;
  const k = grid.k(r, c);
  return k === NUMBER || k === TEXT_NUMBER ? grid.n(r, c) : undefined;
}

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
    let income: number | undefined;
    let spend: number | undefined;
    let balance: number | undefined;
    let label: number | undefined;
    for (let c = 0; c < grid.cols; c++) {
      if (grid.k(h, c) !== TEXT) continue;
      const t = grid.text(h, c);
      if (t.length > 60 || t.includes("%")) continue;
      if (BALANCE.test(t)) balance ??= c;
      else if (INCOME.test(t)) income ??= c;
      else if (SPEND.test(t)) spend ??= c;
      else label ??= c;
    }
    if (income === undefined || spend === undefined) continue;
    tables.push({ grid, header: h, label: label ?? 0, income, spend, balance });
  }
  return tables;
}

function checkBalanceTable(t: BalanceTable, findings: Finding[]): void {
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
}

// ---------------------------------------------------------------------------------------------
// Income and expenditure in separate tables.

interface SourceTable {
  grid: SheetGrid;
  header: number;
  source: number;
  amount: number;
}

const INCOME_AMOUNT = /\b(amount|income|allocation|value|contribution|funding)\b|£/i;
const SPEND_AMOUNT = /\b(total|expenditure|spend|amount|cost)\b|£/i;

function findSourceTables(grid: SheetGrid, kind: "income" | "spend"): SourceTable[] {
  const tables: SourceTable[] = [];
  const sheetHint = kind === "income" ? /income/i : /expend|spend|scheme/i;
  for (let h = 0; h < grid.rows; h++) {
    if (grid.rowHasNumber[h] || grid.rowBlank[h]) continue;
    let source: number | undefined;
    let amount: number | undefined;
    let totalAmount: number | undefined;
    let mentions = sheetHint.test(grid.name);
    for (let c = 0; c < grid.cols; c++) {
      if (grid.k(h, c) !== TEXT) continue;
      const t = grid.text(h, c);
      if (t.length > 60 || t.includes("%")) continue;
      if (SOURCE.test(t) && source === undefined) {
        source = c;
        continue;
      }
      if (sheetHint.test(t)) mentions = true;
      if (kind === "income" ? INCOME_AMOUNT.test(t) : SPEND_AMOUNT.test(t)) {
        amount ??= c;
        if (grid.totalLabels.has(h * grid.cols + c) || /expenditure/i.test(t)) totalAmount ??= c;
      }
    }
    if (source === undefined || amount === undefined || !mentions) continue;
    tables.push({
      grid,
      header: h,
      source,
      amount: kind === "spend" ? (totalAmount ?? amount) : amount,
    });
  }
  return tables;
}

function sourceKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
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

function checkSourcePair(income: SourceTable, spend: SourceTable, findings: Finding[]): void {
  const inc = sumBySource(income);
  const exp = sumBySource(spend);
  // Two tables that share no source names are not a pair.
  if (![...exp.keys()].some((k) => inc.has(k))) return;
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
        `spend must match for each funding source.`,
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
        `names it as its source of funding; the balance should be £0.`,
      expected: 0,
      actual: toPenny(i.amount),
    });
  }
}

export function checkFundingBalance(snapshot: WorkbookSnapshot): Finding[] {
  const findings: Finding[] = [];
  const grids = snapshot.sheets.map(gridOf);
  let balanceTables = 0;
  for (const grid of grids) {
    for (const t of findBalanceTables(grid)) {
      balanceTables++;
      checkBalanceTable(t, findings);
    }
  }
  // The plan's Summary already nets income against spend; comparing its sources again would repeat it.
  if (balanceTables > 0) return findings;
  const incomeTables = grids.flatMap((g) => findSourceTables(g, "income"));
  const spendTables = grids.flatMap((g) => findSourceTables(g, "spend"));
  for (const income of incomeTables) {
    for (const spend of spendTables) {
      if (income.grid === spend.grid && income.header === spend.header) continue;
      checkSourcePair(income, spend, findings);
    }
  }
  return findings;
}
