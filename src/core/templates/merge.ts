import type { SchemeTemplate, TemplatePack } from "./types";

/**
 * The catalogue with an organisation's pack added: a pack template whose id matches a catalogue one
 * replaces it in place (so an organisation can adapt a published scheme); the rest follow in pack order.
 */
export function mergeCatalogue(
  base: readonly SchemeTemplate[],
  pack: TemplatePack
): SchemeTemplate[] {
  const fromPack = new Map(pack.templates.map((template) => [template.id, template]));
  const merged = base.map((template) => fromPack.get(template.id) ?? template);
  const baseIds = new Set(base.map((template) => template.id));
  return [...merged, ...pack.templates.filter((template) => !baseIds.has(template.id))];
}
