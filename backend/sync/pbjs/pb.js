/*! Partnerbook tracking script. No dependencies; never throws into the page. See docs/sync.md. */
(function (w, d) {
  'use strict'
  var NAME = 'pb_ref', KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
  var old = w.partnerbook
  if (old && old.loaded) return

  var script, program = '', api = '/', params = ['ref', 'via', 'aff']
  var visitor, done = false, waiting = []

  function warn(e) {
    try { w.console && console.warn('partnerbook:', e) } catch (x) {}
  }

  function attr(n) {
    return script ? script.getAttribute('data-' + n) : null
  }

  function id() {
    var c = w.crypto, b = [], i, s = ''
    try { b = c.getRandomValues(new Uint8Array(16)) } catch (e) {
      for (i = 0; i < 16; i++) b.push(Math.random() * 256)
    }
    for (i = 0; i < 16; i++) s += (256 + (b[i] & 255)).toString(16).slice(1)
    return s
  }

  // readCookie returns {key, visitor, time} from pb_ref, or null.
  function readCookie() {
    try {
      var m = d.cookie.match(/(?:^|;\s*)pb_ref=([^;]*)/), p = m && m[1].split('|')
      if (p && p.length === 3 && KEY.test(p[0]) && p[1]) return { key: p[0], visitor: p[1], time: +p[2] }
    } catch (e) {}
    return null
  }

  function writeCookie(key, days) {
    try {
      d.cookie = NAME + '=' + key + '|' + visitor + '|' + Math.floor(new Date().getTime() / 1000) +
        ';path=/;max-age=' + Math.round(days * 86400) + ';samesite=lax' +
        (location.protocol === 'https:' ? ';secure' : '')
    } catch (e) {}
  }

  // send posts a JSON event and calls back with the answer's JSON ({} if it had none), or
  // null if it failed; fetch with keepalive, else XMLHttpRequest.
  function send(path, body, cb) {
    var url = api + 'v1/track/' + path, json = JSON.stringify(body), called = false
    function back(a) {
      if (called) return
      called = true
      try { cb(a) } catch (e) { warn(e) }
    }
    try {
      if (w.fetch) {
        w.fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json, keepalive: true })
          .then(function (r) {
            return r.json().then(function (j) { back(r.ok ? j || {} : null) }, function () { back(r.ok ? {} : null) })
          }).then(null, function () { back(null) })
      } else if (w.XMLHttpRequest) {
        var x = new XMLHttpRequest()
        x.open('POST', url)
        x.setRequestHeader('Content-Type', 'application/json')
        x.onloadend = function () {
          var j = null
          try { j = JSON.parse(x.responseText) } catch (e) {}
          back(x.status >= 200 && x.status < 300 ? j || {} : null)
        }
        x.send(json)
      } else back(null)
    } catch (e) { back(null) }
  }

  function call(fn) {
    try { if (typeof fn === 'function') fn(pb.referral) } catch (e) { warn(e) }
  }

  function ready(fn) {
    if (done) call(fn)
    else waiting.push(fn)
  }

  function finish() {
    if (done) return
    done = true
    for (var i = 0; i < waiting.length; i++) call(waiting[i])
    waiting = []
  }

  function signup(o, cb) {
    o = o || {}
    send('signup', {
      event_id: id(), program: program, visitor: visitor,
      email: String(o.email || ''), name: String(o.name || ''), key: String(o.key || '')
    }, function (a) { if (typeof cb === 'function') cb(a !== null) })
  }

  // pb is window.partnerbook: partnerbook('ready', fn), partnerbook('signup', {email, name, key}[, cb]).
  function pb(cmd, a, b) {
    try {
      if (cmd === 'ready') ready(a)
      else if (cmd === 'signup') ready(function () { signup(a, b) })
      else warn('unknown command ' + cmd)
    } catch (e) { warn(e) }
  }
  pb.loaded = true
  pb.referral = null

  // visit sends the visit for ref and keeps the cookie the program's answer asks for.
  function visit(ref, had) {
    var t = setTimeout(finish, 5000)
    send('visit', {
      event_id: id(), program: program, ref: ref, visitor: visitor,
      url: String(location.href).slice(0, 2000), referrer: String(d.referrer || '').slice(0, 2000)
    }, function (a) {
      clearTimeout(t)
      // The answer names the partner's key as stored (null: no active partner has it) and
      // the program's cookie days and attribution.
      if (a && 'ref' in a) ref = a.ref
      if (a && ref && KEY.test(ref)) {
        var days = +(a.cookie_days || 30), now = readCookie()
        if (!(a.attribution === 'first_click' && had)) {
          // A cookie the server just set (the endpoint under the shop's own domain) outlives
          // one a script sets in some browsers: keep it.
          if (!now || now.key !== ref || now.visitor !== visitor) writeCookie(ref, days)
          pb.referral = ref
        }
      }
      finish()
    })
  }

  try {
    script = d.currentScript || d.querySelector('script[data-program]')
    program = attr('program') || ''
    api = attr('api') || (script && script.src ? new URL('.', script.src).href : '/')
    if (api.charAt(api.length - 1) !== '/') api += '/'
    var extra = attr('params')
    if (extra) params = params.concat(extra.split(/[\s,]+/))
    var c = readCookie()
    visitor = c ? c.visitor : id()
    pb.referral = c ? c.key : null
    var q = new URLSearchParams(location.search), ref = null
    for (var i = 0; i < params.length && !ref; i++) {
      var v = params[i] && q.get(params[i])
      if (v && KEY.test(v)) ref = v
    }
    if (ref && program) visit(ref, !!c)
    else finish()
  } catch (e) {
    warn(e)
    visitor = visitor || id()
    finish()
  }

  w.partnerbook = pb
  var queued = old && old.q
  if (queued) for (var j = 0; j < queued.length; j++) pb.apply(null, queued[j])
})(window, document)
