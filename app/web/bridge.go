package web

// bridgeScript defines window.go.app.<Service>.<Method> as fetch calls and window.runtime as
// the few runtime calls the frontend uses, with events over server-sent events.
const bridgeScript = `(function () {
  var services = __SERVICES__;
  function call(name, args) {
    return fetch('/__pb/call/' + name, {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify(args)
    }).then(function (r) { return r.json(); }).then(function (body) {
      if (body.error) { throw body.error; }
      return body.result;
    });
  }
  var app = {};
  Object.keys(services).forEach(function (svc) {
    app[svc] = {};
    services[svc].forEach(function (m) {
      app[svc][m] = function () { return call(svc + '.' + m, Array.prototype.slice.call(arguments)); };
    });
  });
  window.go = {app: app};
  var listeners = {};
  var source = null;
  function listen() {
    if (source) return;
    source = new EventSource('/__pb/events');
    source.onmessage = function (e) {
      var ev = JSON.parse(e.data);
      (listeners[ev.name] || []).slice().forEach(function (l) {
        l.cb.apply(null, ev.data);
        if (l.max > 0 && --l.max === 0) off(ev.name, l);
      });
    };
  }
  function off(name, l) { listeners[name] = (listeners[name] || []).filter(function (x) { return x !== l; }); }
  window.runtime = {
    EventsOnMultiple: function (name, cb, max) {
      listen();
      var l = {cb: cb, max: max};
      (listeners[name] = listeners[name] || []).push(l);
      return function () { off(name, l); };
    },
    EventsOff: function (name) { delete listeners[name]; },
    EventsOffAll: function () { listeners = {}; },
    EventsEmit: function () {},
    BrowserOpenURL: function (url) { window.open(url, '_blank', 'noopener'); },
    WindowSetTitle: function (t) { document.title = t; },
    LogPrint: function () {}, LogTrace: function () {}, LogDebug: function () {}, LogInfo: function () {},
    LogWarning: function () {}, LogError: function () {}, LogFatal: function () {},
    Environment: function () { return Promise.resolve({buildType: 'browser', platform: 'browser', arch: ''}); },
    Quit: function () {}
  };
  window.partnerbookBrowserMode = true;
})();
`
