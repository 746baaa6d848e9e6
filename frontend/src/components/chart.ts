import type { SeriesPoint } from '@/api'
import { barHeight, count, day, money } from './figures'

const label = (p: string) => (/^\d{4}-\d{2}-\d{2}$/.test(p) ? day(p, true) : p)

/** chartOption is the ECharts option of revenue (bars) and commissions (line) over time. Only
 * bar heights are numbers; the tooltip shows the backend's strings. */
export function chartOption(points: SeriesPoint[], currency: string, dark: boolean) {
  const ink = dark ? '#c9d1d9' : '#4b5563'
  const rule = dark ? '#30363d' : '#eef0f3'
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: ink }, data: ['Revenue', 'Commissions'] },
    tooltip: {
      trigger: 'axis',
      backgroundColor: dark ? '#161b22' : '#fff',
      borderColor: rule,
      textStyle: { color: dark ? '#e6edf3' : '#1f2937' },
      formatter: (items: { dataIndex: number }[]) => {
        const p = points[items[0]?.dataIndex ?? 0]
        if (!p) return ''
        return `<b>${label(p.period)}</b><br>Revenue ${money(p.revenue, currency)}<br>Commissions ${money(p.commissions, currency)}<br>Orders ${count(p.orders)}`
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => label(p.period)),
      axisLine: { lineStyle: { color: rule } },
      axisTick: { show: false },
      axisLabel: { color: ink, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      splitLine: { lineStyle: { color: rule } },
      axisLabel: { color: ink, formatter: (v: number) => (v >= 1000 ? `${v / 1000}k` : String(v)) },
    },
    series: [
      { name: 'Revenue', type: 'bar', barMaxWidth: 18, itemStyle: { color: dark ? '#4fb39a' : '#2f6f5e', borderRadius: [3, 3, 0, 0] },
        data: points.map((p) => barHeight(p.revenue)) },
      { name: 'Commissions', type: 'line', symbol: 'none', lineStyle: { width: 2, color: dark ? '#f0b86e' : '#d97706' },
        itemStyle: { color: dark ? '#f0b86e' : '#d97706' }, data: points.map((p) => barHeight(p.commissions)) },
    ],
  }
}
