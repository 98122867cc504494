// Loaded by each Camunda webapp (config.js customScripts): the webapps' own login form is not used, because the
// product's login page signs the user into every app at once. Whenever a webapp would show its form, go there.
const toLoginPage = () => {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace('/login');
  }
};
toLoginPage();
window.addEventListener('hashchange', toLoginPage);
export default [];
