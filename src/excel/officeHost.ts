/**
 * The Office page the pane runs in: which host (none in a plain browser) and its theme. The pane's
 * entry point asks here rather than touching Office.js itself.
 */

/** The Office host the page runs in, or null in a plain browser (no office.js, or no host). */
export async function officeHost(): Promise<Office.HostType | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const info = await Office.onReady();
  return info?.host ?? null;
}

/** Office's theme colours, when the host gives them. */
export function officeTheme(): { bodyBackgroundColor?: string } | undefined {
  try {
    return Office.context?.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}
