// Only what the statistics charts use, so that the lazy chunk stays small:
// bars and lines on a grid, with legend and tooltip, drawn as SVG (sharp when
// printed, and the same renderer as the server-side PDF export).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
