// Our configuration of the Camunda tasklist webapp (replaces the webjar's config.js of 7.24).
// Chinese only (zh, written by us: ../locales/zh.json): a browser set to English still gets the Chinese app.
export default {
  // What configuration cannot say (the shared login page, Tasklist's 已办事项 link): ../../../webapps-extras.js
  customScripts: ['../../../webapps-extras'],
  app: {
    name: '任务',
    vendor: '职称评审监督'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '跳到第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '跳到任务列表的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '跳到任务表单的第一个输入框' },
    startProcess: { key: 'ctrl+alt+p', description: '打开“发起流程”对话框' }
  },
  // The Camunda 8 migration banner has no configuration switch in 7.24 (it shows whenever the edition is CE);
  // ../styles/user-styles.css hides it.
};
