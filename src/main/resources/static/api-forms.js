// The data pages' forms: each calls one endpoint of /api with the page's CSRF token and shows the answer below it.
// {name} in the endpoint is filled from the form's field of that name.
const token = document.querySelector('meta[name=csrf-token]').content;
const tokenHeader = document.querySelector('meta[name=csrf-header]').content;

// The browser's own file button speaks the browser's language ("Choose File"); ours says 选择文件 in any browser.
document.querySelectorAll('input[type=file]').forEach(input => {
  const picker = document.createElement('label');
  picker.className = 'file-picker';
  const button = document.createElement('span');
  button.className = 'file-button';
  button.textContent = '选择文件';
  const chosen = document.createElement('span');
  chosen.className = 'file-chosen';
  chosen.textContent = '未选择文件';
  input.replaceWith(picker);
  picker.append(input, button, chosen);
  input.addEventListener('change', () => {
    chosen.textContent = input.files.length ? input.files[0].name : '未选择文件';
  });
});
// A year of the working-day calendar stored (the calendar page).
const saved = n => '已保存 ' + n.year + ' 年的放假安排：放假 ' + n.holidays + ' 天，调休上班 ' + n.workdays + ' 天';

document.querySelectorAll('form[data-endpoint]').forEach(form => form.addEventListener('submit', async event => {
  event.preventDefault();
  const out = form.nextElementSibling;
  const data = new FormData(form);
  let url = form.dataset.endpoint.replace(/\{(\w+)}/g, (_, name) => {
    const value = encodeURIComponent(data.get(name)); data.delete(name); return value;
  });
  const kind = form.dataset.kind;
  const method = kind === 'delete' ? 'DELETE' : 'POST';
  const options = { method, headers: { [tokenHeader]: token } };
  if (kind === 'file') {
    options.body = data;
  } else if (kind === 'json') {
    // A field marked data-array is sent as a list of all its checked values, one marked data-boolean as true or
    // false; a count as a number.
    const body = {};
    for (const name of new Set(data.keys())) {
      const field = form.querySelector('[name="' + name + '"]');
      body[name] = field.dataset.array != null ? data.getAll(name)
        : field.dataset.boolean != null ? data.get(name) === 'true'
        : field.type === 'number' ? Number(data.get(name)) : data.get(name);
    }
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  out.className = 'result'; out.textContent = '提交中……';
  try {
    const response = await fetch(url, options);
    const text = await response.text();
    let shown = text;
    try {
      const json = JSON.parse(text);
      shown = json.error ? json.error + (json.problems ? '\n' + json.problems.join('\n') : '')
        : json.approved != null ? (json.approved ? '已批准' : '已驳回') + '更正申请 ' + json.id
        : json.id != null && Object.keys(json).length === 1 ? '已提交，编号 ' + json.id
        : json.imported != null ? '已导入 ' + json.imported + ' 行'
        : json.recorded != null ? '已登记 ' + json.recorded + ' 条'
        : json.title != null ? json.title
        : json.staff != null ? '本评审会工作人员：' + json.staff.join('、')
        : json.year != null && json.holidays != null ? saved(json)
        : Array.isArray(json) && json.length && json[0].holidays != null ? json.map(saved).join('\n')
        : json.plannedReviewStart != null ? '计划评审日期已调整为 ' + json.plannedReviewStart + ' 至 ' + json.plannedReviewEnd
        : json.outcomeName != null ? '已登记：' + json.channelName + json.outcomeName
        : json.linkId != null && json.purpose != null ? '已向 ' + json.expertCode + ' 发送新的' + json.purpose + '链接，旧链接停用'
        : json.linkId != null ? '链接已停用'
        : json.expiresAt != null ? '链接有效期已调整为 ' + json.expiresAt.replace('T', ' ')
        : JSON.stringify(json, null, 2);
    } catch (ignored) { /* not JSON */ }
    out.className = 'result ' + (response.ok ? 'ok' : 'error');
    out.textContent = (response.ok ? '成功：' : '未成功（' + response.status + '）：') + shown;
  } catch (error) {
    out.className = 'result error'; out.textContent = '请求失败：' + error;
  }
}));
