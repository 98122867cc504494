// Our configuration of the Camunda welcome webapp (replaces the webjar's config.js of 7.24).
// Chinese only (zh, written by us: ../locales/zh.json): a browser set to English still gets the Chinese app.
export default {
  // What configuration cannot say (the shared login page, Tasklist's 已办事项 link): ../../../webapps-extras.js
  customScripts: ['../../../webapps-extras'],
  app: {
    name: '首页',
    vendor: '职称评审监督'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  links: [
    {
      label: '已办事项',
      href: '/tasks/done',
      description: '本人办结的任务及其评审会的记录表'
    },
    {
      label: '职称评审监管视图',
      href: '/supervision',
      description: '核准单位与管理员：全部评审会的当前环节、合规检查、整改、通过率与信访情况'
    }
  ],
  // The Camunda 8 migration banner has no configuration switch in 7.24 (it shows whenever the edition is CE);
  // ../styles/user-styles.css hides it.
};
