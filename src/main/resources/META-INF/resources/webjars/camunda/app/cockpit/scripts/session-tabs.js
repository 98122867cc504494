// Cockpit tabs for the title-review sessions (Cockpit's frontend plugin API, Camunda 7.14+; loaded through
// customScripts in ./config.js). They show why a session waits — the gates, 附件1 and the signatures — from our own
// API (/api), with the browser's login: the API decides who may read which session, the tabs only display.
//   评审会合规情况 — on a process instance: cockpit.processInstance.runtime.tab (render gets processInstanceId)
//   评审会概况     — on a process definition: cockpit.processDefinition.runtime.tab (render gets processDefinitionId)

const CSS = `
.tr-tab { padding: 10px 15px; font-size: 13px; }
.tr-tab h4 { margin: 14px 0 6px; font-size: 15px; }
.tr-tab table { border-collapse: collapse; margin-bottom: 8px; }
.tr-tab th, .tr-tab td { border: 1px solid #ddd; padding: 3px 8px; vertical-align: top; text-align: left; }
.tr-tab .tr-pass { color: #2e7d32; font-weight: bold; }
.tr-tab .tr-fail { color: #c62828; font-weight: bold; }
.tr-tab .tr-wait { color: #8a6d3b; }
.tr-tab ul { margin: 2px 0 2px 18px; padding: 0; }
.tr-tab .tr-counts span { display: inline-block; margin-right: 18px; }
.tr-tab .tr-error { color: #c62828; }
.tr-tab .tr-current { background: #fff8e1; }
.tr-tab .tr-notice { background: #fff4e5; border-left: 5px solid #d46b08; padding: 8px 12px; margin: 4px 0 10px; }
`;

const escape = value => String(value ?? '').replace(/[&<>"']/g,
  c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const time = value => value ? new Date(value).toLocaleString('zh-CN', { hour12: false }) : '—';

async function getJson(url, api) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || '' }
  });
  if (!response.ok) {
    let message = null;
    try {
      message = (await response.json()).error;
    } catch (e) {
      // not our JSON: fall through to the status
    }
    throw new Error(message || ('请求失败（HTTP ' + response.status + '）'));
  }
  return response.json();
}

function frame(node, html) {
  node.innerHTML = '<style>' + CSS + '</style><div class="tr-tab">' + html + '</div>';
}

const violationList = violations => '<ul>' + violations.map(v =>
  '<li>【' + escape(v.rule) + '】' + escape(v.subject) + '：' + escape(v.finding) + '</li>').join('') + '</ul>';

/** The result in force for each gate: its latest run (the API lists every run, oldest first). */
function latestGates(history) {
  const latest = new Map();
  history.forEach(g => latest.set(g.gateKey, g));
  return [...latest.values()];
}

// 附件1 answers 未完成 until the session gets there. An item whose answer is the unwanted one — 否 to 「是否按规定…」,
// 是 to 「是否存在／发现…」 — counts as not met; the gates that checked it name the rule above.
const NEGATIVE_ITEM = /是否(存在|发现|有)|违反|擅自|请托/;
function itemState(item) {
  if (item.answer === '未完成') {
    return 'notReached';
  }
  if (item.answer === '否' && !NEGATIVE_ITEM.test(item.text)) {
    return 'failed';
  }
  if (item.answer === '是' && NEGATIVE_ITEM.test(item.text)) {
    return 'failed';
  }
  return 'answered';
}

function gatesHtml(history) {
  const gates = latestGates(history);
  if (!gates.length) {
    return '<p>尚未运行任何合规检查。</p>';
  }
  return '<table class="tr-gates"><tr><th>合规检查</th><th>结果</th><th>检查时间</th><th>经办人</th><th>规则版本</th><th>发现的问题</th></tr>'
    + gates.map(g => '<tr><td>' + escape(g.gateName || g.gateKey) + '</td>'
      + (g.passed ? '<td class="tr-pass">通过</td>' : '<td class="tr-fail">未通过</td>')
      + '<td>' + time(g.checkedAt) + '</td><td>' + escape(g.checkedBy || '—') + '</td><td>' + escape(g.ruleVersion)
      + '</td><td>' + (g.passed ? '—' : violationList(g.violations)) + '</td></tr>').join('') + '</table>';
}

function recordHtml(record) {
  const items = record.sections.flatMap(s => s.groups.flatMap(g => g.items));
  const by = { answered: [], notReached: [], failed: [] };
  items.forEach(item => by[itemState(item)].push(item));
  const list = (title, css, rows) => rows.length
    ? '<p class="' + css + '">' + title + '</p><ul>' + rows.map(i => '<li>' + escape(i.line) + '</li>').join('') + '</ul>'
    : '';
  return '<p class="tr-counts"><span>共 ' + items.length + ' 项</span>'
    + '<span class="tr-pass">已填报 ' + by.answered.length + ' 项</span>'
    + '<span class="tr-wait">尚未进行 ' + by.notReached.length + ' 项</span>'
    + '<span class="tr-fail">未达要求 ' + by.failed.length + ' 项</span></p>'
    + list('未达要求：', 'tr-fail', by.failed) + list('尚未进行：', 'tr-wait', by.notReached);
}

function signaturesHtml(signatures) {
  if (!signatures || !signatures.length) {
    return '<p>记录表尚未签字。</p>';
  }
  return '<table class="tr-signatures"><tr><th>签字</th><th>签字人</th><th>时间</th><th>有效性</th></tr>'
    + signatures.map(s => '<tr><td>' + escape(s.title || s.role) + '</td><td>' + escape(s.signedBy || '—') + '</td><td>'
      + time(s.signedAt) + '</td>' + (s.signedBy == null ? '<td class="tr-wait">未签</td>'
        : s.valid ? '<td class="tr-pass">有效</td>' : '<td class="tr-fail">已失效：签字后记录已变更</td>')
      + '</tr>').join('') + '</table>';
}

// A year's working-day notice missing (from 1 November for next year): said above the session, naming whether the
// missing year will stop this session's publicity. Only a warning: a failure to read it hides nothing else.
async function noticeHtml(api, code) {
  try {
    const notice = await getJson('/api/supervision/calendar-notice', api);
    if (!notice.missing) {
      return '';
    }
    const here = (notice.stoppedSessions || []).includes(code);
    return '<div class="tr-notice"><b>' + escape(notice.year) + ' 年工作日历尚未录入。</b>'
      + (here ? '<b class="tr-fail">本评审会的公示期将延伸到 ' + escape(notice.year) + ' 年，录入前将在公示环节暂停。</b>' : '')
      + escape(notice.message) + '</div>';
  } catch (e) {
    return '';
  }
}

async function renderSession(node, { api, processInstanceId }) {
  frame(node, '<p>正在读取评审会……</p>');
  try {
    const instance = await getJson(api.engineApi + '/process-instance/' + encodeURIComponent(processInstanceId), api);
    const code = instance.businessKey;
    if (!code) {
      frame(node, '<p>该流程实例没有业务键（评审会编号），不是评审会。</p>');
      return;
    }
    const path = '/api/sessions/' + encodeURIComponent(code);
    const [gates, record, notice] = await Promise.all([getJson(path + '/gates', api), getJson(path + '/record', api),
      noticeHtml(api, code)]);
    frame(node, notice + '<p>评审会 <b class="tr-code">' + escape(code) + '</b> ' + escape(record.session.committeeName)
      + ' · <a href="/sessions/' + encodeURIComponent(code) + '/record" target="_blank">记录表（附件1）</a>'
      + ' · <a href="/supervision/sessions/' + encodeURIComponent(code) + '" target="_blank">监管视图</a></p>'
      + '<h4>合规检查（每项检查的最新结果）</h4>' + gatesHtml(gates)
      + '<h4>记录表（附件1）</h4>' + recordHtml(record)
      + '<h4>记录表签字</h4>' + signaturesHtml(record.signatures));
  } catch (e) {
    frame(node, '<p class="tr-error">无法读取评审会：' + escape(e.message) + '</p>');
  }
}

async function renderOverview(node, { api, processDefinitionId }) {
  frame(node, '<p>正在读取评审会……</p>');
  try {
    const [definition, sessions] = await Promise.all([
      getJson(api.engineApi + '/process-definition/' + encodeURIComponent(processDefinitionId), api),
      getJson('/api/supervision/sessions', api)]);
    // A stage's definition (专家抽取, 公示 …) shows the sessions in that stage; the main process shows all.
    const stage = definition.key === 'TitleReviewSession' ? null : definition.name;
    const shown = sessions.filter(s => !stage || (s.stage || '').includes(stage));
    const groups = new Map();
    shown.forEach(s => groups.set(s.stage, [...(groups.get(s.stage) || []), s]));
    const link = s => s.processInstanceId && !s.ended
      ? '<a href="#/process-instance/' + encodeURIComponent(s.processInstanceId) + '/runtime">' + escape(s.code) + '</a>'
      : escape(s.code);
    const gatesCell = s => s.failingGates.length ? s.failingGates.map(g => '<div class="tr-fail">'
      + escape(g.gateName || g.gateKey) + '（' + g.violations.length + ' 项问题）</div>' + violationList(g.violations)).join('')
      : '<span class="tr-pass">无</span>';
    const html = [...groups.entries()].map(([name, rows]) => '<h4>' + escape(name) + '（' + rows.length + '）</h4>'
      + '<table class="tr-overview"><tr><th>评审会编号</th><th>评委会</th><th>已停留</th><th>未通过的合规检查</th><th>待整改</th></tr>'
      + rows.map(s => '<tr><td>' + link(s) + '</td><td>' + escape(s.committeeName) + '</td><td>' + escape(s.waited)
        + '</td><td>' + gatesCell(s) + '</td><td>' + escape(s.openRectifications.join('、') || '—') + '</td></tr>').join('')
      + '</table>').join('');
    frame(node, '<p>' + (stage ? '处于“' + escape(stage) + '”环节的评审会' : '本单位监管的全部评审会，按当前环节')
      + '（<a href="/supervision" target="_blank">监管视图</a>）</p>' + (html || '<p>没有评审会。</p>'));
  } catch (e) {
    frame(node, '<p class="tr-error">无法读取评审会：' + escape(e.message) + '</p>');
  }
}

export default [
  {
    id: 'titleReviewSessionTab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    render: renderSession,
    properties: { label: '评审会合规情况' }
  },
  {
    id: 'titleReviewOverviewTab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 20,
    render: renderOverview,
    properties: { label: '评审会概况' }
  }
];
