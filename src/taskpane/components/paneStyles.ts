/**
 * The pieces of layout the tabs share, so the pane's rows and lists line up the same way everywhere:
 * a wrapping row of buttons (a spinner beside them centred), and a bulleted list flush with the text.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
