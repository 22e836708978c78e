import { DOCUMENT_FONT_STACK } from './document-frame';
import { html, raw, SafeHtml } from './html';

type ECharts = typeof import('echarts');

let echartsModule: ECharts | null = null;

/** ECharts is loaded on first use (about 150 ms), not when the API starts. */
function echarts(): ECharts {
  echartsModule ??= require('echarts') as ECharts;
  return echartsModule;
}

export interface ChartSize {
  /** CSS pixels (96 per inch): an A4 portrait page's text is about 700 px wide, landscape about 1000. */
  width: number;
  height: number;
}

/**
 * Renders an ECharts option (the same objects the web app uses) to an SVG
 * string on the server: no browser, no animation, no timer left behind.
 * Texts of the option are escaped by ECharts. The SVG carries no accessible
 * name: wrap it with `chartFigure()` and show the figures in a table too.
 */
export function renderChartSvg(option: object, size: ChartSize): string {
  const lib = echarts();
  const chart = lib.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    const base = option as { textStyle?: object };
    chart.setOption({ ...option, animation: false, textStyle: { fontFamily: DOCUMENT_FONT_STACK, ...base.textStyle } });
    return chart.renderToSVGString();
  } finally {
    // Without it the chart keeps a timer and the process never exits.
    chart.dispose();
  }
}

/**
 * An SVG from `renderChartSvg()` as an image named by `label` (escaped):
 * `<figure role="img" aria-label="…">`. With a visible caption, the figure
 * keeps its role and the SVG is wrapped in the named image, so that the
 * caption stays readable by assistive technologies. Only pass SVG produced by
 * our chart renderer: it is inserted as is.
 */
export function chartFigure(svg: string, label: string, caption?: string): SafeHtml {
  if (!caption) return html`<figure role="img" aria-label="${label}">${raw(svg)}</figure>`;
  return html`<figure>
    <div role="img" aria-label="${label}">${raw(svg)}</div>
    <figcaption>${caption}</figcaption>
  </figure>`;
}
