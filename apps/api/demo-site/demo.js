// The demo shop: picks a demo customer, asks the demo endpoint for her fan token (a real shop's
// backend signs it itself), and reports purchases and reviews as engagement events.
(function () {
  'use strict';
  var shop = null;
  var customerId = '';
  var fanToken = undefined;
  var select = document.getElementById('customer');
  var status = document.getElementById('status');
  var buttons = Array.prototype.slice.call(document.querySelectorAll('[data-buy], #review'));

  function call(path, body) {
    return fetch(path, {
      method: body ? 'POST' : 'GET',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(json.detail || response.statusText);
        return json;
      });
    });
  }

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'status error' : 'status';
  }

  function showWidget() {
    window.Fanfare.init({
      publishableKey: shop.publishableKey,
      fanToken: fanToken,
      locale: 'de',
      apiBase: window.location.origin,
    });
  }

  function setButtons() {
    buttons.forEach(function (button) {
      button.disabled = customerId === '';
      button.title = customerId === '' ? 'Bitte zuerst oben eine Demo-Kundin wählen' : '';
    });
  }

  function login(id) {
    customerId = id;
    setButtons();
    if (id === '') {
      fanToken = undefined;
      showWidget();
      say('Abgemeldet. Das Widget zeigt jetzt nur, wie man Punkte sammelt, und die Prämien.');
      return Promise.resolve();
    }
    return call('/api/v1/demo/fan-token', { customerId: id }).then(function (answer) {
      fanToken = answer.token;
      showWidget();
      say('Eingeloggt. Öffne das Widget unten rechts, um Punkte und Prämien zu sehen.');
    });
  }

  function act(action, amount) {
    var body = { customerId: customerId, action: action };
    if (amount !== undefined) body.amount = amount;
    return call('/api/v1/demo/actions', body).then(function (outcome) {
      if (outcome.points > 0) say('Danke! +' + outcome.points + ' Punkte.');
      else if (outcome.status === 'capped')
        say('Danke! Diese Aktion bringt diesen Monat keine weiteren Punkte.');
      else say('Danke! Diesmal gab es keine Punkte (' + outcome.status + ').');
      window.Fanfare.refresh();
    });
  }

  function fail(error) {
    say('Das hat nicht geklappt: ' + error.message, true);
  }

  select.addEventListener('change', function () {
    login(select.value).catch(fail);
  });
  document.querySelectorAll('[data-buy]').forEach(function (button) {
    button.addEventListener('click', function () {
      act('purchase', Number(button.getAttribute('data-buy'))).catch(fail);
    });
  });
  document.getElementById('review').addEventListener('click', function () {
    act('review').catch(fail);
  });

  setButtons();
  call('/api/v1/demo/shop')
    .then(function (answer) {
      shop = answer;
      document.getElementById('shop-name').textContent = answer.brandName;
      answer.customers.forEach(function (customer) {
        var option = document.createElement('option');
        option.value = customer.id;
        option.textContent = customer.name;
        select.appendChild(option);
      });
      showWidget();
    })
    .catch(fail);
})();
