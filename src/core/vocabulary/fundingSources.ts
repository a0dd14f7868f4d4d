/**
 * The BCF's funding sources, their usual spellings and the financial years they existed. A year is
 * named by the calendar year it starts in (2025 for 2025-26).
 *
 * - The NHS minimum contribution (CCG, later ICB) and the DFG run through every year; in two-tier
 *   areas the DFG passes to the district councils.
 * - The improved BCF grant (iBCF) ran from 2017-18 to 2024-25; from 2025-26 the Local Authority
 *   Better Care Grant replaced it, with the council's discharge funding consolidated into it.
 * - The Discharge Fund, 2022-23 to 2024-25, had a council part and an ICB part, reported separately;
 *   from 2025-26 the ICB part is in the NHS minimum and the council part in the Better Care Grant.
 * - The Winter Pressures grant existed in 2019-20 only.
 */
import { Spelling, bestSpelling, spellingsOf } from "./normalise";

export type FundingSourceId =
  | "nhs-minimum"
  | "ibcf"
  | "la-better-care-grant"
  | "dfg"
  | "discharge-fund"
  | "discharge-fund-la"
  | "discharge-fund-icb"
  | "winter-pressures"
  | "additional-la"
  | "additional-nhs";

export interface FundingSourceDefinition {
  id: FundingSourceId;
  /** The name a plan of the source's years uses. */
  name: string;
  /** Who receives it. */
  recipient: "NHS" | "council";
  /** First and last financial years (start year), when the source is not in every year. */
  from?: number;
  to?: number;
  /** For the Discharge Fund as a whole: its two parts. */
  parts?: FundingSourceId[];
  /** For a part of the Discharge Fund: the whole. */
  partOf?: FundingSourceId;
  /** From 2025-26, the source this one's money moved into. */
  movedInto?: FundingSourceId;
  /** Spellings, each a set of words that must all appear (case, punctuation and plurals aside). */
  spellings: readonly string[];
}

export const FUNDING_SOURCE_DEFINITIONS: readonly FundingSourceDefinition[] = [
  {
    id: "nhs-minimum",
    name: "NHS minimum contribution",
    recipient: "NHS",
    spellings: [
      "NHS minimum",
      "minimum NHS",
      "ICB minimum",
      "minimum ICB",
      "CCG minimum",
      "minimum CCG",
      "minimum contribution",
      "NHS minimum contribution",
      "minimum NHS contribution",
    ],
  },
  {
    id: "ibcf",
    name: "iBCF",
    recipient: "council",
    from: 2017,
    to: 2024,
    movedInto: "la-better-care-grant",
    spellings: [
      "iBCF",
      "improved BCF",
      "improved Better Care Fund",
      "improved Better Care Fund grant",
    ],
  },
  {
    id: "la-better-care-grant",
    name: "Local Authority Better Care Grant",
    recipient: "council",
    from: 2025,
    spellings: [
      "Better Care Grant",
      "LABCG",
      "LA Better Care Grant",
      "Local Authority Better Care Grant",
      "council Better Care Grant",
    ],
  },
  {
    id: "dfg",
    name: "Disabled Facilities Grant (DFG)",
    recipient: "council",
    spellings: ["DFG", "Disabled Facilities Grant", "Disabled Facilities"],
  },
  {
    id: "discharge-fund",
    name: "Discharge Fund",
    recipient: "council",
    from: 2022,
    to: 2024,
    parts: ["discharge-fund-la", "discharge-fund-icb"],
    spellings: ["discharge"],
  },
  {
    id: "discharge-fund-la",
    name: "Local Authority Discharge Fund",
    recipient: "council",
    from: 2022,
    to: 2024,
    partOf: "discharge-fund",
    movedInto: "la-better-care-grant",
    spellings: [
      "LA discharge",
      "local authority discharge",
      "council discharge",
      "discharge LA",
      "discharge local authority",
      "discharge council",
    ],
  },
  {
    id: "discharge-fund-icb",
    name: "ICB Discharge Fund",
    recipient: "NHS",
    from: 2022,
    to: 2024,
    partOf: "discharge-fund",
    movedInto: "nhs-minimum",
    spellings: ["ICB discharge", "NHS discharge", "CCG discharge"],
  },
  {
    id: "winter-pressures",
    name: "Winter Pressures grant",
    recipient: "council",
    from: 2019,
    to: 2019,
    spellings: ["winter pressures", "winter pressures grant"],
  },
  {
    id: "additional-la",
    name: "Additional LA contribution",
    recipient: "council",
    spellings: [
      "additional LA",
      "additional local authority",
      "additional council",
      "LA additional",
      "local authority additional",
      "council additional",
    ],
  },
  {
    id: "additional-nhs",
    name: "Additional NHS contribution",
    recipient: "NHS",
    spellings: [
      "additional NHS",
      "additional ICB",
      "additional CCG",
      "NHS additional",
      "ICB additional",
      "CCG additional",
    ],
  },
];

const BY_ID = new Map(FUNDING_SOURCE_DEFINITIONS.map((d) => [d.id, d]));
const SPELLINGS: Spelling<FundingSourceId>[] = FUNDING_SOURCE_DEFINITIONS.flatMap((d) =>
  spellingsOf(d.id, d.spellings)
);

/** The definition of a source id. */
export function fundingSource(id: FundingSourceId): FundingSourceDefinition {
  return BY_ID.get(id)!;
}

/**
 * The start year of a financial year: "2025-26", "2025/26", "FY 2025-2026", 2025 → 2025.
 * Undefined when the text names no financial year.
 */
export function financialYearStart(year: string | number): number | undefined {
  if (typeof year === "number")
    return Number.isInteger(year) && year >= 2000 && year < 2100 ? year : undefined;
  const m = /(20\d\d)\s*[-/–]\s*(?:20)?(\d\d)\b/.exec(year) ?? /^\s*(20\d\d)\s*$/.exec(year);
  if (!m) return undefined;
  const start = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== (start + 1) % 100) return undefined;
  return start;
}

/** Whether a source existed in a financial year (given as "2025-26" or its start year). */
export function fundingSourceExistsIn(id: FundingSourceId, year: string | number): boolean {
  const start = financialYearStart(year);
  const d = BY_ID.get(id);
  if (start === undefined || !d) return false;
  return (d.from === undefined || start >= d.from) && (d.to === undefined || start <= d.to);
}

/**
 * The sources a plan for a financial year lists as income lines, in the order the national template
 * lists them. The Discharge Fund appears as its two parts, since plans report them separately.
 */
export function fundingSourcesFor(year: string | number): FundingSourceDefinition[] {
  return FUNDING_SOURCE_DEFINITIONS.filter(
    (d) => d.parts === undefined && fundingSourceExistsIn(d.id, year)
  );
}

/**
 * The source a name stands for ("Disabled Facilities Grant (DFG)" and "DFG" → "dfg";
 * "Minimum ICB contribution" → "nhs-minimum"), or undefined when the name cannot be placed: a name
 * that is no source, or one that could be either of two ("Discharge fund LA and ICB"). Callers report
 * an unplaced name rather than guess.
 */
export function matchFundingSource(text: string): FundingSourceId | undefined {
  if (text.length > 120) return undefined;
  return bestSpelling(text, SPELLINGS);
}
