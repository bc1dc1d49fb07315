// The admin's live preview (Settings → Widget): the real widget with the form's unsaved colours and
// texts, opened, as an anonymous visitor sees it.
(function () {
  'use strict';
  var query = new URLSearchParams(window.location.search);
  var locale = query.get('locale') === 'en' ? 'en' : 'de';
  document.documentElement.lang = locale;
  document.getElementById('note').textContent =
    locale === 'de' ? 'Vorschau: so sehen Besucherinnen das Widget.' : 'Preview: what visitors see.';
  function pick(names) {
    var picked = {};
    names.forEach(function (name) {
      var value = query.get(name);
      if (value) picked[name] = value;
    });
    return picked;
  }
  window.Fanfare.init({
    publishableKey: query.get('pk') || '',
    locale: locale,
    apiBase: window.location.origin,
    theme: pick(['primaryColor', 'textColor', 'backgroundColor']),
    texts: pick(['title', 'welcome']),
  });
  window.Fanfare.open();
})();
