// 评委库 page: an import is previewed first; the same file is sent again to confirm, with the version it was
// previewed on, so that a library changed meanwhile refuses it (docs/library.md).
(() => {
  const form = document.getElementById('library-preview');
  if (!form) {
    return;
  }
  const token = document.querySelector('meta[name=csrf-token]').content;
  const tokenHeader = document.querySelector('meta[name=csrf-header]').content;
  const shown = document.getElementById('library-difference');
  const confirm = document.getElementById('library-confirm');
  const applied = document.getElementById('library-applied');
  let previewed = null;
  const show = (out, ok, text) => { out.className = 'result ' + (ok ? 'ok' : 'error'); out.textContent = text; };
  const list = (title, items, total) => total === 0 ? '' : '\n' + title + ' ' + total + ' 人'
    + (items.length < total ? '（列出前 ' + items.length + ' 人）' : '') + '：\n'
    + items.map(d => '  ' + d.expertCode + ' ' + d.name + '：' + d.changes.join('；')).join('\n');
  const send = async (url, file) => {
    const data = new FormData();
    data.append('file', file);
    const response = await fetch(url, { method: 'POST', headers: { [tokenHeader]: token }, body: data });
    const json = await response.json().catch(() => ({ error: '服务器没有给出说明' }));
    return { ok: response.ok, json };
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    confirm.hidden = true;
    applied.className = 'result';
    const file = form.querySelector('input[type=file]').files[0];
    show(shown, true, '正在比对……');
    const { ok, json } = await send(form.dataset.api + '/preview', file);
    if (!ok) {
      show(shown, false, json.error + (json.problems ? '\n' + json.problems.join('\n') : ''));
      return;
    }
    previewed = { file, json };
    const none = json.added + json.changed + json.leaving === 0;
    show(shown, true, '文件 ' + json.fileName + ' 共 ' + json.rows + ' 人，与当前第 ' + json.baseVersion + ' 版相比：新增 '
      + json.added + ' 人，变更 ' + json.changed + ' 人，出库 ' + json.leaving + ' 人。'
      + (none ? '\n没有变化，无需确认。' : '\n以上变化尚未生效，确认后生成第 ' + (json.baseVersion + 1) + ' 版。')
      + list('新增', json.addedExperts, json.added) + list('变更', json.changedExperts, json.changed)
      + list('出库', json.leavingExperts, json.leaving));
    confirm.hidden = none;
  });
  confirm.addEventListener('click', async () => {
    const p = previewed;
    const url = form.dataset.api + '/imports?baseVersion=' + p.json.baseVersion + '&sha256=' + p.json.sha256;
    const { ok, json } = await send(url, p.file);
    confirm.hidden = true;
    show(applied, ok, ok ? '已生成第 ' + json.version + ' 版：' + json.summary + '。刷新页面可见新名单。'
      : json.error + (json.problems ? '\n' + json.problems.join('\n') : ''));
  });
})();
