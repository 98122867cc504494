// Our configuration of the Camunda welcome webapp (replaces the webjar's config.js of 7.24).
// Chinese (zh, written by us: ../locales/zh.json) is the default; English stays selectable.
export default {
  // The product's login page signs into every app; the apps' own login form sends the user there.
  customScripts: ['../../../login-redirect'],
  app: {
    name: '首页',
    vendor: '职称评审监督'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  links: [
    {
      label: '职称评审监管视图',
      href: '/supervision',
      description: '核准单位与管理员：全部评审会的当前环节、关卡、整改、通过率与信访情况'
    }
  ],
  // The Camunda 8 migration banner has no configuration switch in 7.24 (it shows whenever the edition is CE);
  // ../styles/user-styles.css hides it.
};
