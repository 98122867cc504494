// Our configuration of the Camunda cockpit webapp (replaces the webjar's config.js of 7.24).
// Chinese only (zh, written by us: ../locales/zh.json): a browser set to English still gets the Chinese app.
export default {
  // What configuration cannot say (the shared login page, Tasklist's 已办事项 link): ../../../webapps-extras.js;
  // the tabs that show why a session waits (gates, 附件1, signatures): ./session-tabs.js (docs/designers.md).
  customScripts: ['../../../webapps-extras', 'scripts/session-tabs'],
  app: {
    name: '流程监控',
    vendor: '职称评审监督'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // The Camunda 8 migration banner has no configuration switch in 7.24 (it shows whenever the edition is CE);
  // ../styles/user-styles.css hides it.
};
