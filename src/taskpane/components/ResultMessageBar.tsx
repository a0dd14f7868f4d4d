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

export function ResultMessageBar({
  intent,
  title,
  children,
  focusOnShow = true,
  details,
}: ResultMessageProps): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focusOnShow) ref.current?.focus();
  }, [focusOnShow]);
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
