/** A radio option whose label reads at full contrast whether or not it is selected. */
import * as React from "react";
import {
  makeStyles,
  mergeClasses,
  Radio,
  type RadioProps,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fluent greys the label of an enabled, unselected radio (foreground 3), which reads as disabled;
  // the same selector on the input slot replaces that colour, and Fluent's own disabled style still applies.
  input: {
    ":enabled:not(:checked) ~ .fui-Radio__label": { color: tokens.colorNeutralForeground1 },
    ":enabled:not(:checked):hover ~ .fui-Radio__label": { color: tokens.colorNeutralForeground1 },
  },
});

export function FullContrastRadio(props: RadioProps): React.JSX.Element {
  const styles = useStyles();
  const input = typeof props.input === "object" && props.input !== null ? props.input : {};
  return (
    <Radio
      {...props}
      input={{ ...input, className: mergeClasses(styles.input, input.className) }}
    />
  );
}
