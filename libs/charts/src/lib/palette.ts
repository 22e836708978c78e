/**
 * Colours of the statistics charts, the same on the page and in the exported
 * documents. Every series colour has a contrast of at least 4.5:1 on white
 * (WCAG 1.4.11 asks 3:1 for the parts of a graphic; 4.5:1 also keeps value
 * labels written in the series colour readable), and neighbouring colours differ
 * in hue and lightness for colour-blind readers. Checked by palette.spec.ts.
 */

/** Text of axes, legends and labels (#1f1f1f on white: 16.4:1). */
export const CHART_TEXT = '#1f1f1f';
/** Secondary text (axis names, ticks): 9.7:1. */
export const CHART_MUTED_TEXT = '#424242';
/** Grid lines: decorative, deliberately light. */
export const CHART_GRID_LINE = '#d6d6d6';
export const CHART_BACKGROUND = '#ffffff';

/** The period studied. */
export const CURRENT_COLOR = '#00658f';
/** The comparison period (previous period or N-1). */
export const COMPARISON_COLOR = '#a34700';

/** Categories of a stacked chart (one per sex), in order. */
export const CATEGORY_COLORS: readonly string[] = ['#00658f', '#a34700', '#2e7d32', '#7b1fa2', '#37474f', '#b0003a'];

/** WCAG relative luminance of '#rrggbb'. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const linear = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  // The three groups are not optional: they are always strings once the pattern matched.
  const [, r = '', g = '', b = ''] = m;
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two '#rrggbb' colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
