/**
 * The column headings of BCF income and expenditure tables, in the spellings plans use: singular or
 * plural, with or without "(£)", "Planned Expenditure" or "Planned spend 2025-26". Matching is by the
 * same word sets as funding sources: the spelling with the most words wins ("Area of spend" is an
 * area, not a spend column), and a tie between two headings leaves the text unplaced.
 */
import { Spelling, bestSpelling, nameWords, spellingsOf } from "./normalise";

export type HeadingId =
  | "income"
  | "planned-spend"
  /** A money column whose meaning the table decides: "Amount (£)", "£", "Value". */
  | "amount"
  | "allocation"
  | "balance"
  | "source-of-funding"
  | "area-of-spend"
  | "commissioner"
  | "provider"
  | "percent-nhs"
  | "percent-la"
  | "scheme-id"
  | "scheme-name"
  | "scheme-type";

export const HEADING_SPELLINGS: Readonly<Record<HeadingId, readonly string[]>> = {
  income: ["income", "planned income", "total income", "income received"],
  "planned-spend": [
    "spend",
    "planned spend",
    "expenditure",
    "planned expenditure",
    "spending",
    "planned spending",
    "total spend",
    "total expenditure",
    "cost",
  ],
  amount: ["amount", "value", "sum"],
  allocation: ["allocation", "published allocation", "allocated"],
  balance: ["balance", "surplus", "deficit", "variance", "difference", "unallocated"],
  "source-of-funding": [
    "source",
    "funding source",
    "source of funding",
    "funding stream",
    "income source",
    "source of income",
    "funded by",
  ],
  "area-of-spend": ["area of spend", "spend area", "area of expenditure", "expenditure area"],
  commissioner: ["commissioner", "commissioned by", "commissioning"],
  provider: ["provider", "provided by"],
  "percent-nhs": ["percent NHS", "percent ICB", "percent CCG", "NHS percent", "ICB percent"],
  "percent-la": [
    "percent LA",
    "percent local authority",
    "percent council",
    "LA percent",
    "local authority percent",
  ],
  "scheme-id": [
    "scheme id",
    "scheme ref",
    "scheme reference",
    "scheme number",
    "scheme no",
    "id",
    "ref",
  ],
  "scheme-name": ["scheme", "scheme name", "scheme title", "name of scheme"],
  "scheme-type": ["scheme type", "type", "type of scheme"],
};

const SPELLINGS: Spelling<HeadingId>[] = (Object.keys(HEADING_SPELLINGS) as HeadingId[]).flatMap(
  (id) => spellingsOf(id, HEADING_SPELLINGS[id])
);

/** Headings that are money columns. */
export const MONEY_HEADINGS: ReadonlySet<HeadingId> = new Set<HeadingId>([
  "income",
  "planned-spend",
  "amount",
  "allocation",
  "balance",
]);

/**
 * The heading a column title stands for, or undefined when it is none of these (or could be either of
 * two). A title of "£" or "(£)" alone is an amount. Long text is a sentence, not a heading.
 */
export function matchHeading(text: string): HeadingId | undefined {
  if (text.length > 60) return undefined;
  if (nameWords(text).length === 0) return /£/.test(text) ? "amount" : undefined;
  return bestSpelling(text, SPELLINGS);
}
