import { CATEGORY_COLORS, CHART_BACKGROUND, CHART_MUTED_TEXT, CHART_TEXT, COMPARISON_COLOR, contrastRatio, CURRENT_COLOR } from './palette';

describe('chart colours (WCAG AA)', () => {
  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('texts reach 4.5:1 on white', () => {
    expect(contrastRatio(CHART_TEXT, CHART_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(CHART_MUTED_TEXT, CHART_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it('series colours reach 4.5:1 on white, and white labels inside stacked bars reach 4.5:1 on them', () => {
    for (const colour of [CURRENT_COLOR, COMPARISON_COLOR, ...CATEGORY_COLORS]) {
      expect([colour, contrastRatio(colour, CHART_BACKGROUND) >= 4.5]).toEqual([colour, true]);
    }
  });

  it('the period, its comparison and the categories have distinct colours', () => {
    expect(CURRENT_COLOR).not.toBe(COMPARISON_COLOR);
    expect(new Set(CATEGORY_COLORS).size).toBe(CATEGORY_COLORS.length);
  });
});
