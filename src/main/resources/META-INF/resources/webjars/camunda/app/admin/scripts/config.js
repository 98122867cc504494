// Our configuration of the Camunda admin webapp (replaces the webjar's config.js of 7.24).
// Chinese only (zh, written by us: ../locales/zh.json): a browser set to English still gets the Chinese app.
export default {
  // What configuration cannot say (the shared login page, Tasklist's 已办事项 link): ../../../webapps-extras.js
  customScripts: ['../../../webapps-extras'],
  app: {
    name: '系统管理',
    vendor: '职称评审监督'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // The Camunda 8 migration banner has no configuration switch in 7.24 (it shows whenever the edition is CE);
  // ../styles/user-styles.css hides it.
};
