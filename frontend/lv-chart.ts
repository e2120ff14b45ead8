// A chart drawn by Apache ECharts from an option object that the server sends as JSON.
// The server decides everything that is shown; this element only draws it and keeps it sized.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

class LvChart extends HTMLElement {
  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;
  private pending?: string;

  set option(json: string) {
    this.pending = json;
    this.draw();
  }

  connectedCallback(): void {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this.chart = echarts.init(this, undefined, { renderer: 'svg' });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.draw();
  }

  disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  private draw(): void {
    if (this.chart && this.pending) {
      this.chart.setOption(JSON.parse(this.pending), true);
    }
  }
}

if (!customElements.get('lv-chart')) {
  customElements.define('lv-chart', LvChart);
}
