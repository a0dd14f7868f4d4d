import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Office's own theme, when the host reports one: a dark body background means the dark Fluent theme. */
export function themeFromOffice(officeTheme?: { bodyBackgroundColor?: string } | null): Theme {
  const hex = officeTheme?.bodyBackgroundColor?.replace("#", "");
  if (!hex || hex.length < 6) return webLightTheme;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  return luminance < 0.5 ? webDarkTheme : webLightTheme;
}
