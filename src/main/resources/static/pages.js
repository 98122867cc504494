// Behaviour of our pages, kept out of the HTML so that their content security policy can forbid inline scripts.
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));

const data = id => {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : [];
};

// 监管视图: pass rates per session and employer type.
const rows = data('pass-rates');
const percent = v => v == null ? null : parseFloat(v);
if (rows.length && window.echarts) {
  echarts.init(document.getElementById('passRates')).setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '—' : v + '%' },
    legend: { data: ['总通过率', '体制内事业单位', '企业及其他'] },
    xAxis: { type: 'category', data: rows.map(r => r[0]), axisLabel: { interval: 0, width: 120, overflow: 'break' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '总通过率', type: 'bar', data: rows.map(r => percent(r[3])) },
      { name: '体制内事业单位', type: 'bar', data: rows.map(r => percent(r[1])) },
      { name: '企业及其他', type: 'bar', data: rows.map(r => percent(r[2])) }
    ]
  });
}

// One session: working days spent in each stage, every stage labelled.
const stages = data('stage-times');
if (stages.length && window.echarts) {
  echarts.init(document.getElementById('stageTimes')).setOption({
    animation: false,
    grid: { bottom: 90 },
    tooltip: { trigger: 'axis', valueFormatter: v => v + ' 个工作日' },
    xAxis: { type: 'category', data: stages.map(s => s.stage), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: '工作日', minInterval: 1 },
    series: [{ type: 'bar', data: stages.map(s => s.workingDays), label: { show: true, position: 'top' } }]
  });
}
