/** The outcome of an action as a message bar, announced and focused so keyboard and screen-reader users land on it. */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";

export interface ResultMessageProps {
  intent: "success" | "error" | "warning" | "info";
  title?: string;
  children?: React.ReactNode;
  /** Move focus to the message when it appears (default true). */
  focusOnShow?: boolean;
  /** The particulars (notes, every sheet added), folded away behind "Details" so the message stays one or two lines. */
  details?: React.ReactNode;
}

interface ResultMessageBarProps extends ResultMessageProps {
  /** Take focus only while it is still here (or nowhere): never from where the person has gone since. */
  focusOnlyFrom?: Element | null;
}

export function ResultMessageBar({
  intent,
  title,
  children,
  focusOnShow = true,
  details,
  focusOnlyFrom,
}: ResultMessageBarProps): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!focusOnShow) return;
    const active = ref.current?.ownerDocument.activeElement ?? null;
    const movedOn =
      focusOnlyFrom !== undefined &&
      active !== focusOnlyFrom &&
      active !== null &&
      active !== ref.current?.ownerDocument.body;
    if (!movedOn) ref.current?.focus();
  }, [focusOnShow, focusOnlyFrom]);
  return (
    <MessageBar
      ref={ref}
      intent={intent}
      tabIndex={-1}
      role={intent === "error" ? "alert" : "status"}
      layout="multiline"
    >
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
        {details ? (
          <Accordion collapsible>
            <AccordionItem value="details">
              <AccordionHeader size="small">Details</AccordionHeader>
              <AccordionPanel>{details}</AccordionPanel>
            </AccordionItem>
          </Accordion>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
