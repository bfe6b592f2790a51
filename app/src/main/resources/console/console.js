// The console's progressive script: everything works without it (forms post, the server checks every reply);
// with it, deadlines count down, the reply guard runs as the agent types, the ETA picker fills itself, and forms post
// in place (the answer's body replaces the page's, which is then set up again by init).
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  // read from the page's body each time: a form posted in place brings a new body, perhaps in another language
  function words() {
    var d = document.body.dataset;
    return {
      dueIn: d.dueIn || 'in',
      overdue: d.dueOverdue || 'overdue by',
      checking: d.checking || 'Checking...',
      clean: d.clean || 'No findings.',
      suggestion: d.suggestion || 'Suggestion'
    };
  }

  // ---- live SLA countdowns ----
  function span(ms) {
    var m = Math.floor(Math.abs(ms) / 60000), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60), mm = m % 60;
    return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + mm + 'm';
  }
  function tick() {
    var now = Date.now(), w = words();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var due = Date.parse(el.dataset.due);
      if (isNaN(due)) { return; }
      var left = due - now;
      el.textContent = left >= 0 ? w.dueIn + ' ' + span(left) : w.overdue + ' ' + span(left);
      el.classList.toggle('overdue', left < 0);
      el.classList.toggle('soon', left >= 0 && left < 4 * 3600000);
    });
  }
  tick();
  setInterval(tick, 1000);

  // ---- a table or chart that scrolls sideways (at phone width) can be reached and scrolled from the keyboard ----
  function reachScrollers() {
    document.querySelectorAll('.chart, main table:not(.queue)').forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute('tabindex', '0');
      } else if (el.getAttribute('tabindex') === '0') {
        el.removeAttribute('tabindex');
      }
    });
  }
  window.addEventListener('resize', reachScrollers);

  // ---- a local date-time picker gives the server an exact instant (the agent's own time zone) ----
  function toLocalInput(d) {
    function p(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());
  }
  function instantOf(local) {
    if (!local) { return ''; }
    var d = new Date(local);
    return isNaN(d.getTime()) ? '' : d.toISOString();
  }
  function pickers() {
    document.querySelectorAll('form').forEach(function (form) {
      var local = form.querySelector('.eta-local, #eta');
      var exact = form.querySelector('.eta-instant, #eta-instant');
      if (local && exact) {
        var sync = function () { exact.value = instantOf(local.value); };
        local.addEventListener('change', sync);
        local.addEventListener('input', sync);
        form.addEventListener('submit', sync);
      }
    });
  }

  // ---- together on one complaint: who else is here, and what changed (server-sent events) ----
  var events = null;
  function together() {
    if (events) { events.close(); events = null; }
    var page = document.querySelector('.complaint[data-number]');
    if (!page) { return; }
    var number = page.dataset.number, version = Number(page.dataset.version);
    var reply = document.getElementById('reply-text');
    var key = 'redress-draft-' + number;
    // a draft kept across "see it now" comes back into the composer
    if (reply && !reply.value && window.sessionStorage && sessionStorage.getItem(key)) {
      reply.value = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
    }
    var here = document.getElementById('presence'), changed = document.getElementById('changed');
    var reload = document.getElementById('changed-reload');
    reload.addEventListener('click', function () {
      if (reply && reply.value && window.sessionStorage) { sessionStorage.setItem(key, reply.value); }
    });
    if (!window.EventSource) { return; }
    events = new EventSource('/console/complaints/' + number + '/events');
    events.addEventListener('presence', function (e) {
      var d = JSON.parse(e.data);
      here.textContent = d.here.map(function (h) {
        return h.name + ' ' + (h.state === 'TYPING' ? here.dataset.typing : here.dataset.viewing);
      }).join(' · ');
      here.hidden = d.here.length === 0;
    });
    events.addEventListener('changed', function (e) {
      var d = JSON.parse(e.data);
      if (d.version <= version) { return; }
      var what = changed.querySelector('.what');
      what.textContent = d.status + (d.by ? ' (' + what.dataset.by + ' ' + d.by + ')' : '');
      what.dataset.status = d.status;
      changed.hidden = false;
    });
    var csrfMeta = document.querySelector('meta[name="csrf"]');
    function say(state) {
      fetch('/console/complaints/' + number + '/presence', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'csrf=' + encodeURIComponent(csrfMeta.content) + '&state=' + state
      }).catch(function () { /* presence is a courtesy: the next keystroke says it again */ });
    }
    var said = 0, idle = null;
    if (reply) {
      reply.addEventListener('input', function () {
        var now = Date.now();
        if (now - said > 3000) { said = now; say('typing'); }
        clearTimeout(idle);
        idle = setTimeout(function () { said = 0; say('viewing'); }, 6000);
      });
    }
  }

  // ---- a form keeps the agent's place: the page that comes back opens where they were, its notice in sight ----
  function cameBack(y, formId) {
    if (y > 0) { window.scrollTo(0, y); }
    var flash = document.querySelector('.flash, main .error');
    if (flash) {
      flash.classList.add('toast');
      setTimeout(function () { flash.classList.remove('toast'); }, 8000);
    }
    var back = formId && document.getElementById(formId);
    var field = back && back.querySelector('textarea, input:not([type="hidden"]), select, button');
    if (field) { field.focus({ preventScroll: true }); }
  }
  var placeKey = function () { return 'redress.place:' + location.pathname; };
  // a form the browser posted itself (no fetch, or it failed) comes back as a new page: where the agent was is kept here
  function placeAfterLoad() {
    var saved = sessionStorage.getItem(placeKey());
    sessionStorage.removeItem(placeKey());
    if (saved) {
      var place = JSON.parse(saved);
      if (Date.now() - place.at < 60000 && place.y > 0) { cameBack(place.y, place.form); }
    }
  }

  // ---- with the script, forms post in place: the answer's page replaces this one's body, nothing reloads ----
  var posting = false, pushed = false;
  function postedBy(form) {
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post' || form.hasAttribute('data-navigate')) { return null; }
    var action = new URL(form.action, location.href);
    // signing in or out starts another session: the browser does it whole
    if (action.origin !== location.origin || action.pathname === '/login' || action.pathname === '/logout') { return null; }
    return window.fetch && window.DOMParser && window.history.pushState ? action : null;
  }
  function showAnswer(html, answered, from, y, formId) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    document.title = doc.title;
    document.documentElement.lang = doc.documentElement.lang;
    var token = doc.querySelector('meta[name="csrf"]'), mine = document.querySelector('meta[name="csrf"]');
    if (token && mine) { mine.content = token.content; }
    doc.body.querySelectorAll('script').forEach(function (s) { s.remove(); });
    document.body.replaceWith(document.adoptNode(doc.body));
    var same = answered === null || answered.pathname === from;
    if (answered !== null && answered.pathname + answered.search !== location.pathname + location.search) {
      // the page the server sent the form to (a new complaint, the queue): the address says it, and Back returns
      history[same ? 'replaceState' : 'pushState']({ redress: true }, '', answered.pathname + answered.search);
      pushed = pushed || !same;
    }
    init();
    if (same) { cameBack(y, formId); } else { window.scrollTo(0, 0); cameBack(0, null); }
  }
  document.addEventListener('submit', function (e) {
    var form = e.target, action = postedBy(form);
    if (e.defaultPrevented || !action) {
      if (!e.defaultPrevented && (form.getAttribute('method') || '').toLowerCase() === 'post' && form.action.indexOf('/logout') < 0) {
        sessionStorage.setItem(placeKey(), JSON.stringify({ y: window.scrollY, at: Date.now(), form: form.id || '' }));
      }
      return;
    }
    e.preventDefault();
    // a second press while the first is on its way sends nothing twice
    if (posting) { return; }
    posting = true;
    var data = new FormData(form);
    if (e.submitter && e.submitter.name) { data.append(e.submitter.name, e.submitter.value); }
    var y = window.scrollY, formId = form.id || '', from = location.pathname;
    form.setAttribute('aria-busy', 'true');
    fetch(action.href, {
      method: 'POST', credentials: 'same-origin',
      body: form.enctype === 'multipart/form-data' ? data : new URLSearchParams(data)
    }).then(function (r) {
      if ((r.headers.get('Content-Type') || '').indexOf('text/html') < 0) {
        // not a page (a file, say): the browser goes to where the answer came from
        location.assign(r.url);
        return null;
      }
      // an answer without a redirect (a refusal, a stale page) stands for this page: the address stays
      return r.text().then(function (html) { showAnswer(html, r.redirected ? new URL(r.url) : null, from, y, formId); });
    }).catch(function () {
      // the network failed: the browser posts the form itself, the page coming back where the agent was
      sessionStorage.setItem(placeKey(), JSON.stringify({ y: y, at: Date.now(), form: formId }));
      HTMLFormElement.prototype.submit.call(form);
    }).then(function () {
      posting = false;
      form.removeAttribute('aria-busy');
    });
  });
  // Back and Forward over pages reached in place load those pages
  window.addEventListener('popstate', function () { if (pushed) { location.reload(); } });

  // ---- keyboard shortcuts (listed under ?): never while typing, except Ctrl+Enter to send ----
  var rows = [], chosen = -1;
  function hrefOf(tr) { return tr.querySelector('a[href^="/console/complaints/"]').getAttribute('href'); }
  function queueRows() {
    rows = Array.prototype.slice.call(document.querySelectorAll('table.queue tbody tr')).filter(function (tr) {
      return tr.querySelector('a[href^="/console/complaints/"]');
    });
    chosen = -1;
    if (rows.length) {
      // the complaint page's j and k walk the list the agent last saw
      sessionStorage.setItem('redress.list', JSON.stringify(rows.map(hrefOf)));
      sessionStorage.setItem('redress.listFrom', location.pathname + location.search);
    }
  }
  function choose(i) {
    if (!rows.length) { return; }
    chosen = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (tr, n) { tr.classList.toggle('chosen', n === chosen); });
    rows[chosen].querySelector('a[href^="/console/complaints/"]').focus();
  }
  function walk(step) {
    if (rows.length) { choose(chosen < 0 ? 0 : chosen + step); return; }
    var list = JSON.parse(sessionStorage.getItem('redress.list') || '[]');
    var here = list.indexOf(location.pathname);
    var next = here < 0 ? -1 : here + step;
    if (next >= 0 && next < list.length) { location.href = list[next]; }
  }
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function press(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); }
    return el;
  }
  document.addEventListener('keydown', function (e) {
    var dialog = document.getElementById('shortcuts');
    if (!dialog) { return; }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target.tagName === 'TEXTAREA' && e.target.form) {
      var submit = e.target.form.querySelector('button[type="submit"]:not([disabled])');
      if (submit) { e.preventDefault(); submit.click(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || dialog.open && e.key !== '?') { return; }
    var done = true;
    switch (e.key) {
      case '?': if (dialog.open) { dialog.close(); } else { dialog.showModal(); } break;
      case 'j': walk(1); break;
      case 'k': walk(-1); break;
      case 'o': if (chosen >= 0) { location.href = hrefOf(rows[chosen]); } else { done = false; } break;
      case '/': var q = document.getElementById('q'); if (q) { q.focus(); q.select(); } else { location.href = '/console'; } break;
      case 'u': location.href = sessionStorage.getItem('redress.listFrom') || '/console'; break;
      case 'r': if (press('tab-reply')) { document.getElementById('reply-text').focus(); } else { done = false; } break;
      case 'n': if (press('tab-note')) { document.getElementById('note-text').focus(); } else { done = false; } break;
      case 't': done = !!press('take'); break;
      case 'x':
        var box = chosen >= 0 && rows[chosen].querySelector('input[type="checkbox"]');
        if (box) { box.checked = !box.checked; } else { done = false; }
        break;
      default: done = false;
    }
    if (done) { e.preventDefault(); }
  });

  // ---- the reply composer ----
  function composer() {
    var form = document.getElementById('reply-form');
    if (!form) { return; }
    var text = document.getElementById('reply-text');
    var eta = document.getElementById('eta');
    var etaInstant = document.getElementById('eta-instant');
    var list = document.getElementById('findings');
    var marked = document.getElementById('reply-marked');
    var overrideBox = document.getElementById('override-box');
    var override = document.getElementById('override');
    var send = document.getElementById('send');
    var csrf = document.querySelector('meta[name="csrf"]').content;
    var blocked = overrideBox && !overrideBox.hidden;

    // tabs: reply and internal note
    var tabs = [document.getElementById('tab-reply'), document.getElementById('tab-note')];
    function show(which) {
      tabs.forEach(function (tab) {
        var on = tab === which;
        tab.setAttribute('aria-selected', on ? 'true' : 'false');
        tab.tabIndex = on ? 0 : -1;
        document.getElementById(tab.getAttribute('aria-controls')).hidden = !on;
      });
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener('click', function () { show(tab); });
      tab.addEventListener('keydown', function (e) {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          var next = tabs[(i + 1) % tabs.length];
          show(next);
          next.focus();
          e.preventDefault();
        }
      });
    });
    var composer = document.querySelector('.composer');
    show(composer && composer.dataset.open === 'note' ? tabs[1] : tabs[0]);

    function updateSend() {
      if (overrideBox) { overrideBox.hidden = !blocked; }
      send.disabled = blocked && !(override && override.value.trim());
    }
    if (override) { override.addEventListener('input', updateSend); }

    // the findings' names in the page's language, and what a suggestion's one click changes in the draft
    var names = {};
    document.querySelectorAll('#finding-names [data-code]').forEach(function (n) { names[n.dataset.code] = n.textContent; });
    function quoted(s) {
      var m = /["\u201c\u201e\u00ab]([^"\u201c\u201d\u00bb]+)["\u201d\u201c\u00bb]/.exec(s || '');
      return m ? m[1] : null;
    }
    function fixOf(f, value) {
      var said = quoted(f.suggestion);
      if (f.code === 'MISSING_ETA') {
        return said ? { eta: true, start: value.length, end: value.length, text: said } : null;
      }
      if (f.end <= f.start || f.end > value.length) { return null; }
      if (f.code === 'REPEATED_APOLOGY') { return { start: f.start, end: f.end, text: '' }; }
      if (said) { return { start: f.start, end: f.end, text: said }; }
      if (f.code === 'ADMITS_NOT_KNOWING' || f.code === 'NOT_MY_JOB') { return { start: f.start, end: f.end, text: f.suggestion }; }
      return null;
    }
    function apply(fix) {
      var insert = fix.text;
      // the draft may have changed since the check: the words are found again, or the click does nothing
      if (fix.eta) {
        fix.start = fix.end = text.value.length;
      } else if (text.value.substring(fix.start, fix.end) !== fix.was) {
        var found = text.value.indexOf(fix.was);
        if (found < 0) { later(); return; }
        fix.start = found;
        fix.end = found + fix.was.length;
      }
      if (fix.eta) {
        // the promise the words make is a real one: the picker says tomorrow 10:00 and the words say when
        var d = new Date();
        d.setDate(d.getDate() + 1);
        d.setHours(10, 0, 0, 0);
        eta.value = toLocalInput(d);
        etaInstant.value = instantOf(eta.value);
        var when = d.toLocaleString(document.documentElement.lang, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
        insert = (text.value.trim() ? (/[.!?]\s*$/.test(text.value) ? ' ' : '. ') : '') + insert.replace('\u2026', when).replace(/\s*$/, '') + '.';
        insert = insert.replace(/\.\.$/, '.');
      }
      var before = text.value.substring(0, fix.start), after = text.value.substring(fix.end);
      if (!insert) { after = after.replace(/^\s+/, before && !/\s$/.test(before) ? ' ' : ''); }
      text.value = before + insert + after;
      text.focus();
      // an ellipsis left in the words is for the agent to fill: it is selected, ready to be typed over
      var gap = insert.indexOf('\u2026');
      if (gap >= 0) {
        text.setSelectionRange(before.length + gap, before.length + gap + 1);
      } else {
        text.setSelectionRange(before.length + insert.length, before.length + insert.length);
      }
      if (count) { count.textContent = String(text.value.length); }
      later();
    }

    function render(result) {
      list.textContent = '';
      var findings = result.findings || [];
      if (!findings.length) {
        var ok = document.createElement('li');
        ok.className = 'finding clean';
        ok.textContent = words().clean;
        list.appendChild(ok);
      }
      findings.forEach(function (f) {
        var li = document.createElement('li');
        li.className = 'finding sev-' + f.severity;
        li.dataset.code = f.code;
        var code = document.createElement('strong');
        code.textContent = names[f.code] || f.code;
        code.title = f.code;
        li.appendChild(code);
        if (f.evidence) { li.appendChild(document.createTextNode(' «' + f.evidence + '»')); }
        var s = document.createElement('span');
        s.className = 'suggestion';
        s.textContent = words().suggestion + ': ' + f.suggestion;
        li.appendChild(s);
        var fix = fixOf(f, text.value);
        if (fix) {
          fix.was = text.value.substring(fix.start, fix.end);
          var use = document.createElement('button');
          use.type = 'button';
          use.className = 'apply';
          use.textContent = list.dataset.apply || 'Use this';
          use.addEventListener('click', function () { apply(fix); });
          li.appendChild(use);
        }
        list.appendChild(li);
      });
      // the draft again, each finding's words underlined (built from text nodes: nothing typed becomes markup)
      marked.textContent = '';
      var value = text.value, at = 0;
      findings.filter(function (f) { return f.end > f.start; }).sort(function (a, b) { return a.start - b.start; }).forEach(function (f) {
        if (f.start < at) { return; }
        marked.appendChild(document.createTextNode(value.substring(at, f.start)));
        var m = document.createElement('mark');
        m.className = 'sev-' + f.severity;
        m.title = f.suggestion;
        m.textContent = value.substring(f.start, f.end);
        marked.appendChild(m);
        at = f.end;
      });
      if (at > 0) { marked.appendChild(document.createTextNode(value.substring(at))); }
      blocked = !!result.blocked;
      updateSend();
    }

    var timer = null, seq = 0;
    function check() {
      var draft = text.value;
      if (!draft.trim()) { list.textContent = ''; marked.textContent = ''; blocked = false; updateSend(); return; }
      var mine = ++seq;
      list.setAttribute('aria-busy', 'true');
      var payload = { text: draft };
      if (etaInstant.value) { payload.eta = etaInstant.value; }
      if (privately && privately.checked) { payload.privately = true; }
      fetch(form.dataset.check, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify(payload)
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (result) {
        if (result && mine === seq) { render(result); }
      }).catch(function () { /* the server checks again on send */ }).then(function () {
        if (mine === seq) { list.removeAttribute('aria-busy'); }
      });
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(check, 350);
    }
    // a public answer is split by the network's length: the agent sees how long the reply is as it grows
    var count = document.getElementById('reply-count'), privately = document.getElementById('privately');
    text.addEventListener('input', function () { if (count) { count.textContent = String(text.value.length); } });
    if (privately) { privately.addEventListener('change', later); }
    text.addEventListener('input', later);
    eta.addEventListener('change', function () { etaInstant.value = instantOf(eta.value); later(); });

    document.querySelectorAll('[data-eta]').forEach(function (b) {
      b.addEventListener('click', function () {
        var d = new Date();
        if (b.dataset.eta === '2h') { d = new Date(d.getTime() + 2 * 3600000); }
        if (b.dataset.eta === 'tomorrow') { d.setDate(d.getDate() + 1); d.setHours(10, 0, 0, 0); }
        if (b.dataset.eta === '3d') { d.setDate(d.getDate() + 3); }
        eta.value = toLocalInput(d);
        etaInstant.value = instantOf(eta.value);
        later();
      });
    });

    document.querySelectorAll('.phrase').forEach(function (b) {
      b.addEventListener('click', function () {
        var p = b.dataset.phrase, s = text.selectionStart || text.value.length, e = text.selectionEnd || s;
        var before = text.value.substring(0, s), after = text.value.substring(e);
        var glue = before && !/\s$/.test(before) ? ' ' : '';
        text.value = before + glue + p + (after && !/^\s/.test(after) ? ' ' : '') + after;
        text.focus();
        var caret = (before + glue + p).length;
        text.setSelectionRange(caret, caret);
        later();
      });
    });

    // a reply that asks the customer something waits on their answer, unless the agent chose the status themselves
    var then = document.getElementById('then'), thenChosen = false, thenFirst = then ? then.value : '';
    if (then) {
      then.addEventListener('change', function () { thenChosen = true; });
      text.addEventListener('input', function () {
        if (thenChosen) { return; }
        var asks = /\?\s*$/.test(text.value);
        var waiting = then.querySelector('option[value="WAITING_ON_CUSTOMER"]');
        then.value = asks && waiting ? 'WAITING_ON_CUSTOMER' : thenFirst;
      });
    }

    updateSend();
    if (text.value.trim()) { later(); }
  }

  // everything a page's body needs, on loading and again on each body a form brings in place
  function init() {
    reachScrollers();
    pickers();
    together();
    queueRows();
    composer();
  }
  init();
  placeAfterLoad();
})();
