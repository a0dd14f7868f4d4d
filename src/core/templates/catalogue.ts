import type { SchemeTemplate } from "./types";
import { SEED_000 } from "./seeds/seed000";
import { SEED_001 } from "./seeds/seed001";
import { SEED_002 } from "./seeds/seed002";
import { SEED_003 } from "./seeds/seed003";
import { SEED_004 } from "./seeds/seed004";
import { STARTER_TEMPLATES } from "./starters";

/** Every scheme described in the five seed plans, in seed order then in the order each plan lists them. */
export const SEED_TEMPLATES: SchemeTemplate[] = [
  ...SEED_000,
  ...SEED_001,
  ...SEED_002,
  ...SEED_003,
  ...SEED_004,
];

/**
 * The templates the add-in offers: the seed plans' schemes, then a starter for each national scheme
 * type no seed plan has a scheme of, so every scheme type has at least one.
 */
export const CATALOGUE: SchemeTemplate[] = [...SEED_TEMPLATES, ...STARTER_TEMPLATES];

/** Looks a template up by its stable id. */
export function findTemplate(
  templates: readonly SchemeTemplate[],
  id: string
): SchemeTemplate | undefined {
  return templates.find((template) => template.id === id);
}
