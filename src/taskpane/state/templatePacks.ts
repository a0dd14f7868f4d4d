/** Merging an organisation's template pack into the templates the pane offers. */
// Not from the pack parser, which the pane loads only once a file is chosen.
import { mergeCatalogue } from "../../core/templates/merge";
import type { SchemeTemplate, TemplatePack } from "../../core/templates/types";

export interface PackMerge {
  templates: SchemeTemplate[];
  added: number;
  replaced: number;
}

/**
 * The pane's templates with a pack merged in (mergeCatalogue: a template with an id already offered is
 * replaced in place, new ones are added at the end), and how many of each there were, to tell the user.
 */
export function mergePack(existing: SchemeTemplate[], pack: TemplatePack): PackMerge {
  const existingIds = new Set(existing.map((template) => template.id));
  const packIds = new Set(pack.templates.map((template) => template.id));
  const replaced = [...packIds].filter((id) => existingIds.has(id)).length;
  return { templates: mergeCatalogue(existing, pack), added: packIds.size - replaced, replaced };
}

/** Reads a chosen file as text (File.text where the browser has it, FileReader otherwise). */
export function readFileText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsText(file);
  });
}
