/**
 * Starts the browser preview (loaded by src/taskpane/index.tsx only outside Office): an in-memory workbook
 * holding the sample plan, with =BCF.* formulas computed by the functions functions.js associated, registered
 * as the pane's workbook; then the preview layout.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { setWorkbookProvider } from "../excel/host";
import { themeFromOffice } from "../taskpane/theme";
import { bcfCustomFunctions } from "./customFunctions";
import { PreviewLayout } from "./PreviewLayout";
import { SAMPLE_PLAN, loadSamplePlan } from "./samplePlan";
import { createMemoryWorkbook, type MemoryWorkbookHandle } from "../memory-excel";

export async function createPreviewWorkbook(): Promise<MemoryWorkbookHandle> {
  const handle = createMemoryWorkbook({
    sheets: SAMPLE_PLAN.map((s) => s.name),
    customFunctions: bcfCustomFunctions(),
  });
  await loadSamplePlan(handle.context);
  return handle;
}

export async function startPreview(container: HTMLElement): Promise<MemoryWorkbookHandle> {
  const handle = await createPreviewWorkbook();
  setWorkbookProvider(() => handle.context);
  // The preview's workbook, for the end-to-end tests and anyone curious in the browser console.
  (window as unknown as { __bcfPreview?: MemoryWorkbookHandle }).__bcfPreview = handle;
  document.title = "BCF Toolkit for Excel: preview";
  createRoot(container).render(
    <FluentProvider theme={themeFromOffice(undefined)}>
      <PreviewLayout workbook={handle.workbook} />
    </FluentProvider>
  );
  return handle;
}
