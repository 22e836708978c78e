import { chartFigure, renderChartSvg } from './chart-svg';

const barOption = {
  xAxis: { type: 'category', data: ['Lille', 'Roubaix', 'Villeneuve-d’Ascq'] },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', data: [12, 7, 3] }],
};

describe('renderChartSvg', () => {
  it('renders a bar chart to SVG with its axis labels, in the document fonts', () => {
    const svg = renderChartSvg(barOption, { width: 640, height: 320 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    expect(svg).toContain('height="320"');
    for (const label of ['Lille', 'Roubaix', 'Villeneuve-d’Ascq']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('Liberation Sans');
    expect(svg).not.toContain('aria-label');
  });

  it('escapes texts that come from the data', () => {
    const svg = renderChartSvg(
      { ...barOption, xAxis: { type: 'category', data: ['<img src=x>', 'a & b', 'c'] } },
      { width: 640, height: 320 },
    );
    expect(svg).toContain('&lt;img src=x&gt;');
    expect(svg).not.toContain('<img');
  });

  it('disposes every chart, even when the option is wrong', () => {
    // A chart left undisposed keeps a timer: jest --detectOpenHandles would report it too.
    const lib = jest.requireActual<typeof import('echarts')>('echarts');
    const original = lib.init;
    const charts: ReturnType<typeof lib.init>[] = [];
    const spy = jest.spyOn(lib, 'init').mockImplementation((...args) => {
      const chart = original(...args);
      charts.push(chart);
      return chart;
    });
    try {
      renderChartSvg(barOption, { width: 100, height: 100 });
      const broken = {
        get series(): never {
          throw new Error('broken option');
        },
      };
      expect(() => renderChartSvg(broken, { width: 100, height: 100 })).toThrow('broken option');
    } finally {
      spy.mockRestore();
    }
    expect(charts.map((c) => c.isDisposed())).toEqual([true, true]);
  });
});

describe('chartFigure', () => {
  it('wraps the SVG in a named image, the label escaped', () => {
    const out = chartFigure('<svg></svg>', 'Présences "par" ville <b>').toString();
    expect(out).toBe('<figure role="img" aria-label="Présences &quot;par&quot; ville &lt;b&gt;"><svg></svg></figure>');
  });

  it('keeps a visible caption outside the named image', () => {
    // Whitespace between tags is the formatter's business.
    const out = chartFigure('<svg></svg>', 'Présences', 'Source : <pointage>').toString().replace(/>\s+</g, '><').trim();
    expect(out).toBe(
      '<figure><div role="img" aria-label="Présences"><svg></svg></div><figcaption>Source : &lt;pointage&gt;</figcaption></figure>',
    );
  });
});
