// Loaded by each Camunda webapp (customScripts in its config.js). What the webapps' configuration cannot say:
// - their own login form is not used: the product's login page signs the user into every app at once;
// - Tasklist links to 已办事项, the tasks one has completed;
// - the engine's permission names on Admin's authorization pages are shown in Chinese (no translation reaches
//   them; the forms' empty-choice placeholder is replaced in tasklist/styles/user-styles.css).
const toLoginPage = () => {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace('/login');
  }
};
toLoginPage();
window.addEventListener('hashchange', toLoginPage);

const adjustTasklistHeader = () => {
  if (!window.location.pathname.includes('/app/tasklist/')) {
    return;
  }
  // The header's actions (创建任务 is hidden by styles/user-styles.css).
  const nav = document.querySelector('.create-task-action')?.parentElement;
  if (nav && !document.getElementById('done-tasks-link')) {
    const item = document.createElement('li');
    item.innerHTML = '<a id="done-tasks-link" href="/tasks/done"><span class="glyphicon glyphicon-check"></span> 已办事项</a>';
    nav.insertBefore(item, nav.firstChild);
  }
};
const PERMISSIONS = {
  ALL: '全部', NONE: '无', READ: '读取', UPDATE: '更新', CREATE: '创建', DELETE: '删除', ACCESS: '访问',
  READ_TASK: '读取任务', UPDATE_TASK: '更新任务', CREATE_INSTANCE: '发起实例', READ_INSTANCE: '读取实例',
  UPDATE_INSTANCE: '更新实例', DELETE_INSTANCE: '删除实例', READ_HISTORY: '读取历史', DELETE_HISTORY: '删除历史',
  TASK_WORK: '办理任务', TASK_ASSIGN: '指派任务', READ_VARIABLE: '读取变量', UPDATE_VARIABLE: '更新变量',
  UPDATE_TASK_VARIABLE: '更新任务变量', UPDATE_INSTANCE_VARIABLE: '更新实例变量', READ_TASK_VARIABLE: '读取任务变量',
  READ_INSTANCE_VARIABLE: '读取实例变量', SUSPEND: '挂起', SUSPEND_INSTANCE: '挂起实例', RETRY_JOB: '重试作业',
  MIGRATE_INSTANCE: '迁移实例'
};
const PERMISSION_WORD = new RegExp('\\b(' + Object.keys(PERMISSIONS).join('|') + ')\\b', 'g');

const translateLeftovers = () => {
  if (window.location.pathname.includes('/app/admin/') && window.location.hash.includes('authorization')) {
    const cells = document.querySelectorAll('table td');
    cells.forEach(cell => {
      if (cell.children.length === 0 && PERMISSION_WORD.test(cell.textContent)) {
        cell.textContent = cell.textContent.replace(PERMISSION_WORD, word => PERMISSIONS[word]);
      }
      PERMISSION_WORD.lastIndex = 0;
    });
  }
};

new MutationObserver(() => {
  adjustTasklistHeader();
  translateLeftovers();
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
