// The SkyLink operator console: plain JavaScript, no build step. Every view reads the gateway's operator API (the one
// the skylink CLI uses) with the operator's token as a Bearer credential; live views poll it. Text from the API is
// only ever set as text (never as HTML), so nothing it holds can run as script.
(function () {
  'use strict';

  var TOKEN_KEY = 'skylink.operatorToken';
  var main = document.getElementById('main');
  var nav = document.getElementById('nav');
  var statusLine = document.getElementById('status');
  var logoutButton = document.getElementById('logout');
  var timers = [];
  var renderCount = 0;

  // ---- the API ----------------------------------------------------------------------------------------------------

  function ApiError(status, detail) {
    this.status = status;
    this.message = detail;
  }

  function api(path, options) {
    options = options || {};
    var headers = { 'Accept': 'application/json', 'Authorization': 'Bearer ' + (options.token || sessionStorage.getItem(TOKEN_KEY) || '') };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, {
      method: options.method || 'GET',
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      credentials: 'omit'
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (!response.ok) {
          var detail = json && json.detail ? json.detail : (response.status + ' ' + response.statusText);
          if (response.status === 401 && !options.token) {
            sessionStorage.removeItem(TOKEN_KEY);
            showLogin(detail);
          }
          throw new ApiError(response.status, detail);
        }
        return json;
      });
    }, function () {
      throw new ApiError(0, 'The gateway did not answer. Is it running?');
    });
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      if (value !== undefined && value !== null && value !== '') {
        parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(value));
      }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  // ---- DOM building -----------------------------------------------------------------------------------------------

  function h(tag, attrs) {
    var element = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) {
        return;
      }
      if (name === 'text') {
        element.textContent = value;
      } else if (name.indexOf('on') === 0) {
        element.addEventListener(name.substring(2), value);
      } else if (value === true) {
        element.setAttribute(name, '');
      } else {
        element.setAttribute(name, value);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(element, arguments[i]);
    }
    return element;
  }

  function append(parent, child) {
    if (child === undefined || child === null || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(parent, c); });
    } else if (typeof child === 'string' || typeof child === 'number') {
      parent.appendChild(document.createTextNode(String(child)));
    } else {
      parent.appendChild(child);
    }
  }

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  function pill(value) {
    return value ? h('span', { 'class': 'pill ' + value, text: value }) : '';
  }

  function time(value) {
    if (!value) {
      return '';
    }
    var date = new Date(value);
    return h('time', { datetime: value, title: value, text: date.toLocaleString() });
  }

  function number(value) {
    return value === undefined || value === null ? '' : Number(value).toLocaleString();
  }

  /** A table: columns are [heading, function(row) -> cell content, optional class]. */
  function table(caption, columns, rows, empty) {
    var head = h('tr', null, columns.map(function (c) { return h('th', { scope: 'col', 'class': c[2] }, c[0]); }));
    var body = h('tbody');
    if (!rows.length) {
      body.appendChild(h('tr', null, h('td', { colspan: String(columns.length), 'class': 'muted', text: empty || 'Nothing to show.' })));
    }
    rows.forEach(function (row) {
      body.appendChild(h('tr', null, columns.map(function (c) { return h('td', { 'class': c[2] }, c[1](row)); })));
    });
    return h('div', { 'class': 'table-wrap' }, h('table', null, h('caption', { text: caption }), h('thead', null, head), body));
  }

  function field(label, control) {
    var id = control.id || ('f-' + Math.random().toString(36).slice(2));
    control.id = id;
    return h('label', { 'for': id }, label, control);
  }

  function select(name, options, selected) {
    return h('select', { name: name }, options.map(function (option) {
      var value = Array.isArray(option) ? option[0] : option;
      var text = Array.isArray(option) ? option[1] : option;
      return h('option', { value: value, selected: value === selected, text: text });
    }));
  }

  function say(message) {
    statusLine.textContent = message;
  }

  function alertBox() {
    return h('div', { 'class': 'alert', role: 'alert' });
  }

  /** Shows an API failure in a view's alert box (a 401 has already sent the operator to the login). */
  function failed(box) {
    return function (error) {
      if (error instanceof ApiError) {
        box.textContent = error.message;
      } else {
        box.textContent = String(error);
      }
    };
  }

  /** Runs fn now and every ms milliseconds while the current view is shown. */
  function live(fn, ms) {
    var view = renderCount;
    var running = false;
    function tick() {
      if (view !== renderCount || running) {
        return;
      }
      running = true;
      Promise.resolve(fn()).catch(function () { }).then(function () { running = false; });
    }
    tick();
    timers.push(setInterval(tick, ms));
  }

  function page(title) {
    clear(main);
    var heading = h('h1', { tabindex: '-1', text: title });
    main.appendChild(heading);
    document.title = title + ' · SkyLink console';
    heading.focus();
    return main;
  }

  function isoFromLocal(value) {
    return value ? new Date(value).toISOString() : '';
  }

  function localFromIso(value) {
    if (!value) {
      return '';
    }
    var date = new Date(value);
    var local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 16);
  }

  // EDS types as a change set lists them, and the entity type their history is kept under.
  var ENTITY_TYPES = ['customer', 'price-group', 'product', 'order', 'outlet', 'attribute-option', 'magento-customer',
    'magento-order', 'magento-invoice'];
  var EDS_TYPES = { Customer: 'customer', PriceGroup: 'price-group', Product: 'product', Order: 'order', Outlet: 'outlet' };

  function entityTypeOf(edsType, attributeCode) {
    return EDS_TYPES[edsType] || (attributeCode ? 'attribute-option' : null);
  }

  function entityLink(type, id) {
    return type ? h('a', { href: '#/entities/' + encodeURIComponent(type) + '/' + encodeURIComponent(id), text: id }) : id;
  }

  function changeSetLink(id) {
    return id ? h('a', { href: '#/changesets/' + encodeURIComponent(id), 'class': 'mono', text: id }) : '';
  }

  // ---- login ------------------------------------------------------------------------------------------------------

  function showLogin(message) {
    stopTimers();
    renderCount++;
    nav.hidden = true;
    logoutButton.hidden = true;
    clear(main);
    var input = h('input', { type: 'password', name: 'token', id: 'token', autocomplete: 'off', required: true, spellcheck: 'false' });
    var error = alertBox();
    error.id = 'login-error';
    if (message) {
      error.textContent = message;
    }
    var form = h('form', { 'class': 'login', 'aria-labelledby': 'login-title' },
      h('h1', { id: 'login-title', tabindex: '-1', text: 'Log in' }),
      h('p', { 'class': 'muted', text: 'Enter an operator or read-only token of this gateway (skylink.gateway.operator-access). '
          + 'It is kept for this browser tab only and sent to the operator API as a Bearer credential.' }),
      h('label', { 'for': 'token' }, 'Operator token', input),
      error,
      h('button', { type: 'submit', 'class': 'primary', id: 'login' }, 'Log in'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var token = input.value.trim();
      error.textContent = '';
      api('/changesets?size=1', { token: token }).then(function () {
        sessionStorage.setItem(TOKEN_KEY, token);
        if (!location.hash || location.hash === '#/login') {
          location.hash = '#/changesets';
        } else {
          route();
        }
      }, failed(error));
    });
    main.appendChild(form);
    document.title = 'Log in · SkyLink console';
    input.focus();
  }

  logoutButton.addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    say('Logged out.');
    showLogin();
  });

  // ---- change sets ------------------------------------------------------------------------------------------------

  function changeSets(params) {
    var root = page('Change sets');
    var status = select('status', [['', 'any'], 'OPEN', 'ACKNOWLEDGING', 'ACKNOWLEDGED', 'ACKNOWLEDGED_WITH_FAILURES', 'ACKNOWLEDGEMENT_PARKED'], params.status || '');
    var from = h('input', { type: 'datetime-local', name: 'from', value: localFromIso(params.from) });
    var to = h('input', { type: 'datetime-local', name: 'to', value: localFromIso(params.to) });
    var size = select('size', ['20', '50', '100', '200'], params.size || '50');
    var open = h('input', { type: 'search', name: 'id', placeholder: 'change set id', size: '38' });
    var pageNumber = Number(params.page || 0);
    var filters = h('form', { 'class': 'bar', 'aria-label': 'Filter change sets' },
      field('Status', status), field('Received from', from), field('Received before', to), field('Per page', size),
      h('button', { type: 'submit', 'class': 'primary' }, 'Filter'));
    filters.addEventListener('submit', function (event) {
      event.preventDefault();
      location.hash = '#/changesets' + query({ status: status.value, from: isoFromLocal(from.value), to: isoFromLocal(to.value), size: size.value });
    });
    var finder = h('form', { 'class': 'bar', 'aria-label': 'Open a change set' }, field('Open change set by id', open),
      h('button', { type: 'submit' }, 'Open'));
    finder.addEventListener('submit', function (event) {
      event.preventDefault();
      if (open.value.trim()) {
        location.hash = '#/changesets/' + encodeURIComponent(open.value.trim());
      }
    });
    var error = alertBox();
    var results = h('div');
    root.appendChild(filters);
    root.appendChild(finder);
    root.appendChild(error);
    root.appendChild(results);
    live(function () {
      return api('/changesets' + query({ status: params.status, from: params.from, to: params.to, page: pageNumber, size: params.size || 50 }))
        .then(function (result) {
          error.textContent = '';
          clear(results);
          results.appendChild(table(number(result.total) + ' change sets, newest first (updates live)', [
            ['Change set', function (c) { return changeSetLink(c.changeSetId); }],
            ['Status', function (c) { return pill(c.status); }],
            ['Channel', function (c) { return String(c.salesChannelId); }, 'num'],
            ['Entities', function (c) { return number(c.entityCount); }, 'num'],
            ['Received', function (c) { return time(c.receivedAt); }],
            ['Acknowledged', function (c) { return time(c.acknowledgedAt); }],
            ['Receipt to ack (ms)', function (c) { return number(c.receiptToAcknowledgementMillis); }, 'num'],
            ['Ack attempts', function (c) { return number(c.ackAttempts); }, 'num'],
            ['Ack error', function (c) { return c.ackError || ''; }, 'wrap']
          ], result.items, 'No change set matches.'));
          var pages = Math.max(1, Math.ceil(result.total / result.size));
          results.appendChild(pager(pageNumber, pages, function (p) {
            location.hash = '#/changesets' + query({ status: params.status, from: params.from, to: params.to, size: params.size, page: p });
          }));
        }, failed(error));
    }, 5000);
  }

  function pager(current, pages, go) {
    return h('div', { 'class': 'pager' },
      h('button', { type: 'button', disabled: current <= 0, onclick: function () { go(current - 1); } }, 'Previous page'),
      h('span', { text: 'Page ' + (current + 1) + ' of ' + pages }),
      h('button', { type: 'button', disabled: current + 1 >= pages, onclick: function () { go(current + 1); } }, 'Next page'));
  }

  function changeSet(id, params) {
    var root = page('Change set ' + id);
    var error = alertBox();
    var body = h('div');
    var entityPage = Number(params.entityPage || 0);
    root.appendChild(h('p', null, h('a', { href: '#/changesets', text: '← All change sets' })));
    root.appendChild(error);
    root.appendChild(body);
    live(function () {
      return api('/changesets/' + encodeURIComponent(id) + query({ entityPage: entityPage, entitySize: 200 })).then(function (c) {
        error.textContent = '';
        clear(body);
        body.appendChild(h('dl', { 'class': 'facts' },
          h('dt', { text: 'Status' }), h('dd', null, pill(c.status)),
          h('dt', { text: 'Sales channel' }), h('dd', { text: String(c.salesChannelId) }),
          h('dt', { text: 'RE client' }), h('dd', { 'class': 'mono', text: c.clientId || '' }),
          h('dt', { text: 'Trace id' }), h('dd', { 'class': 'mono', text: c.traceId || '' }),
          h('dt', { text: 'Received' }), h('dd', null, time(c.receivedAt)),
          h('dt', { text: 'Acknowledged' }), h('dd', null, c.acknowledgedAt ? time(c.acknowledgedAt) : 'not yet'),
          h('dt', { text: 'Receipt to acknowledgement' }), h('dd', { text: c.receiptToAcknowledgementMillis == null ? '' : c.receiptToAcknowledgementMillis + ' ms' }),
          h('dt', { text: 'Acknowledgement attempts' }), h('dd', { text: String(c.ackAttempts) + (c.ackError ? ' (last error: ' + c.ackError + ')' : '') }),
          h('dt', { text: 'Outcomes' }), h('dd', { id: 'outcomes' }, Object.keys(c.outcomes).map(function (o) {
            return [pill(o), ' ', number(c.outcomes[o]), ' '];
          }))));
        if (c.bulk && c.bulk.length) {
          body.appendChild(h('h2', { text: 'Bulk enumerations' }));
          body.appendChild(table('Bulk entities of this change set', [
            ['Type', function (b) { return b.type; }], ['Id', function (b) { return b.entityId; }],
            ['Status', function (b) { return pill(b.status); }], ['Attempts', function (b) { return number(b.attempts); }, 'num'],
            ['Enumerated', function (b) { return number(b.enumerated); }, 'num'], ['Error', function (b) { return b.error || ''; }, 'wrap'],
            ['Finished', function (b) { return time(b.finishedAt); }]], c.bulk));
        }
        body.appendChild(h('h2', { text: 'Entities' }));
        body.appendChild(table(number(c.entityTotal) + ' entities and their outcomes', [
          ['Type', function (e) { return e.type + (e.attributeCode ? ' (' + e.attributeCode + ')' : ''); }],
          ['Entity', function (e) { return entityLink(entityTypeOf(e.type, e.attributeCode), e.entityId); }],
          ['Origin', function (e) { return e.origin; }],
          ['Outcome', function (e) { return pill(e.outcome); }],
          ['Attempts', function (e) { return number(e.attempts); }, 'num'],
          ['Error code', function (e) { return e.errorCode || ''; }],
          ['Error', function (e) { return e.error || ''; }, 'wrap'],
          ['Service', function (e) { return e.service || ''; }],
          ['Finished', function (e) { return time(e.finishedAt); }],
          ['Receipt to outcome (ms)', function (e) { return number(e.receiptToOutcomeMillis); }, 'num']
        ], c.entities));
        var pages = Math.max(1, Math.ceil(c.entityTotal / c.entityPageSize));
        if (pages > 1) {
          body.appendChild(pager(entityPage, pages, function (p) {
            location.hash = '#/changesets/' + encodeURIComponent(id) + query({ entityPage: p });
          }));
        }
      }, failed(error));
    }, 3000);
  }

  // ---- entity search and history ----------------------------------------------------------------------------------

  function entities(type, id) {
    var root = page(type && id ? 'Entity ' + type + ' ' + id : 'Entity search');
    var typeSelect = select('type', ENTITY_TYPES, type || 'customer');
    var idInput = h('input', { type: 'search', name: 'entityId', required: true, value: id || '', placeholder: 'RE id, such as 300000' });
    var form = h('form', { 'class': 'bar', 'aria-label': 'Find an entity' }, field('Entity type', typeSelect), field('Entity id', idInput),
      h('button', { type: 'submit', 'class': 'primary' }, 'Show history'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      location.hash = '#/entities/' + encodeURIComponent(typeSelect.value) + '/' + encodeURIComponent(idInput.value.trim());
    });
    var error = alertBox();
    var body = h('div');
    root.appendChild(form);
    root.appendChild(error);
    root.appendChild(body);
    if (!type || !id) {
      body.appendChild(h('p', { 'class': 'muted', text: 'Every change set, bulk run, single sync and redrive that named the entity, with its outcome.' }));
      idInput.focus();
      return;
    }
    live(function () {
      return api('/ops/entities/' + encodeURIComponent(type) + '/' + encodeURIComponent(id)).then(function (result) {
        error.textContent = '';
        clear(body);
        body.appendChild(h('p', { id: 'latest' }, 'Latest outcome: ', pill(result.latest)));
        body.appendChild(table('History, newest first', [
          ['Change set', function (e) { return changeSetLink(e.changeSetId); }],
          ['Origin', function (e) { return e.origin; }],
          ['Received', function (e) { return time(e.receivedAt); }],
          ['Outcome', function (e) { return pill(e.outcome); }],
          ['Attempts', function (e) { return number(e.attempts); }, 'num'],
          ['Error code', function (e) { return e.errorCode || ''; }],
          ['Error', function (e) { return e.errorMessage || ''; }, 'wrap'],
          ['Service', function (e) { return e.service || ''; }],
          ['Finished', function (e) { return time(e.finishedAt); }],
          ['Trace id', function (e) { return h('span', { 'class': 'mono', text: e.traceId || '' }); }]
        ], result.history, 'Never synced: no change set named this entity.'));
      }, failed(error));
    }, 5000);
  }

  // ---- bulk runs --------------------------------------------------------------------------------------------------

  function bulkRuns() {
    var root = page('Bulk runs');
    var type = select('type', ['customers', 'products', 'price-groups', 'attributes', 'outlets', 'fulfillments'], 'customers');
    var since = h('input', { type: 'datetime-local', name: 'since' });
    var result = h('p', { id: 'bulk-result', 'class': 'muted', 'aria-live': 'polite' });
    var error = alertBox();
    function request(dryRun) {
      return { type: type.value, since: since.value ? isoFromLocal(since.value) : undefined, dryRun: dryRun };
    }
    var dryRunButton = h('button', { type: 'button', id: 'dry-run' }, 'Dry run');
    var form = h('form', { 'class': 'bar', 'aria-label': 'Start a bulk run' }, field('Entity type', type),
      field('Only entities not synced since (optional)', since), dryRunButton,
      h('button', { type: 'submit', 'class': 'primary', id: 'start-bulk' }, 'Start bulk run'));
    dryRunButton.addEventListener('click', function () {
      error.textContent = '';
      api('/ops/bulk-runs', { method: 'POST', body: request(true) }).then(function (d) {
        result.textContent = 'A run of ' + d.type + ' would resync ' + number(d.entities) + ' entities, costing about '
          + number(d.estimatedRetailExpressCalls) + ' Retail Express calls (' + number(d.enumerationCalls) + ' to enumerate).';
      }, failed(error));
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.textContent = '';
      api('/ops/bulk-runs', { method: 'POST', body: request(false) }).then(function (run) {
        result.textContent = 'Bulk run ' + run.id + ' started (' + run.type + ').';
        say('Bulk run ' + run.id + ' started.');
        refresh();
      }, failed(error));
    });
    var runs = h('div');
    root.appendChild(form);
    root.appendChild(result);
    root.appendChild(error);
    root.appendChild(runs);
    var rates = {};
    function progress(run) {
      var finished = run.done + run.unchanged + run.failed + run.cancelled;
      var now = Date.now();
      var previous = rates[run.id];
      var rate = previous && now > previous.at ? (finished - previous.finished) * 1000 / (now - previous.at) : 0;
      if (!previous || now - previous.at > 4000) {
        rates[run.id] = { at: now, finished: finished };
      }
      var label = number(finished) + ' / ' + number(run.total);
      var eta = run.finishedAt ? '' : rate > 0 ? ' · ETA ' + Math.ceil((run.total - finished) / rate) + ' s' : '';
      return h('div', { 'class': 'progress' },
        h('progress', { max: String(Math.max(run.total, 1)), value: String(finished), 'aria-label': 'Progress of run ' + run.id }),
        h('span', { 'class': 'progress-text', text: label + eta }));
    }
    function refresh() {
      return api('/ops/bulk-runs?limit=50').then(function (page) {
        clear(runs);
        runs.appendChild(table('Bulk runs, newest first (updates live)', [
          ['Run', function (r) {
            // Run ids are long (bulk-<uuid>): shown shortened, whole in the tooltip and to screen readers.
            var text = r.id.length > 18 ? r.id.substring(0, 14) + '…' : r.id;
            return h('a', { href: '#/changesets/' + encodeURIComponent(r.id), 'class': 'mono', title: r.id, 'aria-label': 'Run ' + r.id, text: text });
          }],
          ['Source', function (r) { return r.source; }],
          ['Type', function (r) { return r.type; }],
          ['Status', function (r) { return pill(r.status); }],
          ['Progress', progress],
          ['Done', function (r) { return number(r.done); }, 'num'],
          ['Unchanged', function (r) { return number(r.unchanged); }, 'num'],
          ['Failed', function (r) { return number(r.failed); }, 'num'],
          ['Retrying', function (r) { return number(r.retrying); }, 'num'],
          ['Pending', function (r) { return number(r.pending); }, 'num'],
          ['Started', function (r) { return time(r.startedAt); }],
          ['Finished', function (r) { return time(r.finishedAt); }],
          ['', function (r) {
            return r.source === 'OPERATOR' && !r.finishedAt && r.status !== 'CANCELLED'
              ? h('button', { type: 'button', 'aria-label': 'Cancel run ' + r.id, onclick: function () { cancel(r.id); } }, 'Cancel') : '';
          }]
        ], page.items, 'No bulk run yet.'));
        var rows = runs.querySelectorAll('tbody tr');
        page.items.forEach(function (r, i) { if (rows[i]) { rows[i].setAttribute('data-run', r.id); } });
      }, failed(error));
    }
    function cancel(id) {
      api('/ops/bulk-runs/' + encodeURIComponent(id) + '/cancel', { method: 'POST' }).then(function () {
        say('Bulk run ' + id + ' cancelled.');
        refresh();
      }, failed(error));
    }
    live(refresh, 1000);
  }

  // ---- dead letters and parked writes -----------------------------------------------------------------------------

  function deadLetters(params) {
    var root = page('Dead letters');
    var topic = h('input', { type: 'search', name: 'topic', value: params.topic || '', placeholder: 'skylink.re.customers' });
    var reason = h('input', { type: 'search', name: 'reason', value: params.reason || '', placeholder: 'words of the reason' });
    var form = h('form', { 'class': 'bar', 'aria-label': 'Filter dead letters' }, field('Topic', topic), field('Reason contains', reason),
      h('button', { type: 'submit', 'class': 'primary' }, 'Filter'),
      h('button', { type: 'button', id: 'redrive-all', onclick: redriveAll }, 'Redrive all shown'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      location.hash = '#/dead-letters' + query({ topic: topic.value.trim(), reason: reason.value.trim() });
    });
    var error = alertBox();
    var list = h('div');
    root.appendChild(form);
    root.appendChild(error);
    root.appendChild(list);
    function refresh() {
      return api('/ops/dead-letters' + query({ topic: params.topic, reason: params.reason })).then(function (page) {
        clear(list);
        list.appendChild(table(number(page.total) + ' dead letters, newest first (updates live)', [
          ['Dead letter', function (d) { return h('span', { 'class': 'mono', text: d.id }); }],
          ['Entity', function (d) { return [d.entityType || '?', ' ', entityLink(d.entityType ? d.entityType.toLowerCase().replace(/_/g, '-') : null, d.entityId || d.key)]; }],
          ['From topic', function (d) { return d.sourceTopic || ''; }],
          ['Reason', function (d) { return d.reason || ''; }, 'wrap'],
          ['Origin', function (d) { return d.origin || ''; }],
          ['Change set', function (d) { return changeSetLink(d.changeSetId); }],
          ['Dead-lettered', function (d) { return time(d.quarantinedAt); }],
          ['Redrive', function (d) {
            return d.handledAt ? h('span', null, pill('REDRIVEN'), ' ', time(d.handledAt))
              : h('button', { type: 'button', 'class': 'redrive', 'data-id': d.id, 'aria-label': 'Redrive ' + d.id,
                onclick: function () { redrive(d.id); } }, 'Redrive');
          }]
        ], page.items, 'No dead letters.'));
      }, failed(error));
    }
    function redrive(id) {
      error.textContent = '';
      api('/ops/dead-letters/' + encodeURIComponent(id) + '/redrive', { method: 'POST' }).then(function (r) {
        say(r.result === 'REDRIVEN' ? 'Redriven: ' + id : 'Already redriven: ' + id);
        refresh();
      }, failed(error));
    }
    function redriveAll() {
      error.textContent = '';
      api('/ops/dead-letters/redrive' + query({ topic: params.topic, reason: params.reason }), { method: 'POST' }).then(function (r) {
        say('Redriven: ' + r.redriven + ', already redriven: ' + r.alreadyRedriven + '.');
        refresh();
      }, failed(error));
    }
    live(refresh, 4000);
  }

  function parked() {
    var root = page('Parked writes');
    root.appendChild(h('p', { 'class': 'muted', text: 'Writes whose outcome is unknown (sent, no answer). Check the target system, '
        + 'settle it there, then record it here as resolved.' }));
    var error = alertBox();
    var list = h('div');
    root.appendChild(error);
    root.appendChild(list);
    function refresh() {
      if (list.contains(document.activeElement) && document.activeElement.tagName === 'INPUT') {
        return Promise.resolve(); // do not redraw under an operator typing a note
      }
      return api('/ops/parked').then(function (page) {
        clear(list);
        list.appendChild(table(number(page.total) + ' parked writes, newest first (updates live)', [
          ['Parked write', function (p) { return h('span', { 'class': 'mono', text: p.id }); }],
          ['Entity', function (p) { return (p.entityType || '?') + ' ' + (p.entityId || p.key || ''); }],
          ['From topic', function (p) { return p.sourceTopic || ''; }],
          ['Reason', function (p) { return p.reason || ''; }, 'wrap'],
          ['Change set', function (p) { return changeSetLink(p.changeSetId); }],
          ['Parked', function (p) { return time(p.quarantinedAt); }],
          ['Resolution', function (p) {
            if (p.handledAt) {
              return h('span', null, pill('RESOLVED'), ' ', time(p.handledAt), p.handledNote ? ' — ' + p.handledNote : '');
            }
            var note = h('input', { type: 'text', name: 'note', maxlength: '2000' });
            var form = h('form', { 'class': 'inline' }, field('Note for ' + p.id, note), h('button', { type: 'submit' }, 'Resolve'));
            form.addEventListener('submit', function (event) {
              event.preventDefault();
              api('/ops/parked/' + encodeURIComponent(p.id) + '/resolve', { method: 'POST', body: { note: note.value } }).then(function () {
                say('Resolved: ' + p.id);
                note.blur();
                refresh();
              }, failed(error));
            });
            return form;
          }]
        ], page.items, 'No parked writes.'));
      }, failed(error));
    }
    live(refresh, 5000);
  }

  // ---- lag, budget, errors ----------------------------------------------------------------------------------------

  function lag() {
    var root = page('Consumer lag');
    var error = alertBox();
    var body = h('div');
    root.appendChild(error);
    root.appendChild(body);
    live(function () {
      return api('/ops/lag').then(function (result) {
        error.textContent = '';
        clear(body);
        body.appendChild(h('div', { 'class': 'cards' },
          h('div', { 'class': 'card' }, h('div', { 'class': 'muted', text: 'Total lag' }), h('div', { 'class': 'big', id: 'total-lag', text: number(result.total) })),
          Object.keys(result.totalByGroup).map(function (group) {
            return h('div', { 'class': 'card' }, h('div', { 'class': 'muted', text: group }), h('div', { 'class': 'big', text: number(result.totalByGroup[group]) }));
          })));
        body.appendChild(table('Lag per group, topic and partition (updates live)', [
          ['Group', function (p) { return p.group; }], ['Topic', function (p) { return p.topic; }],
          ['Partition', function (p) { return String(p.partition); }, 'num'], ['Committed', function (p) { return number(p.committed); }, 'num'],
          ['End', function (p) { return number(p.end); }, 'num'], ['Lag', function (p) { return number(p.lag); }, 'num']
        ], result.partitions, 'No consumer group has committed offsets yet.'));
      }, failed(error));
    }, 3000);
  }

  function budget() {
    var root = page('Retail Express budget');
    var error = alertBox();
    var body = h('div');
    root.appendChild(error);
    root.appendChild(body);
    live(function () {
      return api('/ops/budget').then(function (result) {
        error.textContent = '';
        clear(body);
        body.appendChild(table('Each RE window: limit, spent by the live participants, granted for the next period (updates live)', [
          ['Window', function (w) { return w.window; }], ['Limit', function (w) { return number(w.limit); }, 'num'],
          ['Spent', function (w) { return w.window === 'second' ? '—' : number(w.spent); }, 'num'],
          ['Used', function (w) {
            return w.window === 'second' ? '' : h('progress', { max: String(Math.max(w.limit, 1)), value: String(w.spent), 'aria-label': w.window + ' spent' });
          }],
          ['Granted next', function (w) { return number(Math.round(w.grantedNext * 10) / 10); }, 'num']
        ], result.windows));
        body.appendChild(h('h2', { text: 'Participants' }));
        body.appendChild(table('Each participant\'s share', [
          ['Participant', function (p) { return h('span', { 'class': 'mono', text: p.participantId }); }],
          ['Service', function (p) { return p.service; }], ['Live', function (p) { return p.live ? 'yes' : 'no'; }],
          ['Reported', function (p) { return time(p.reportedAt); }], ['Waiting', function (p) { return number(p.waiting); }, 'num'],
          ['Spent min / h / day', function (p) { return number(p.spentMinute) + ' / ' + number(p.spentHour) + ' / ' + number(p.spentDay); }, 'num'],
          ['Grant s / min / h / day', function (p) {
            return number(Math.round(p.grantSecond * 10) / 10) + ' / ' + number(p.grantMinute) + ' / ' + number(p.grantHour) + ' / ' + number(p.grantDay);
          }, 'num'],
          ['Throttled', function (p) { return time(p.throttledAt); }]
        ], result.participants, 'No participant has reported yet.'));
      }, failed(error));
    }, 3000);
  }

  function errors(params) {
    var root = page('Recent errors');
    var level = select('level', [['WARN', 'Warnings and errors'], ['ERROR', 'Errors only']], params.level || 'WARN');
    var follow = h('input', { type: 'checkbox', name: 'follow', checked: true });
    var form = h('form', { 'class': 'bar', 'aria-label': 'Filter the log' }, field('Level and higher', level),
      h('label', { 'class': 'check' }, follow, 'Follow live'));
    level.addEventListener('change', function () { location.hash = '#/errors' + query({ level: level.value }); });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    var error = alertBox();
    var list = h('div');
    root.appendChild(h('p', { 'class': 'muted', text: 'Every failure a sync service reported: WARN when it is being retried, ERROR when it was '
        + 'dead-lettered or parked and needs an operator. Newest first.' }));
    root.appendChild(form);
    root.appendChild(error);
    root.appendChild(list);
    var entries = [];
    var latest = 0;
    function draw() {
      clear(list);
      list.appendChild(table(number(entries.length) + ' entries shown' + (follow.checked ? ' (following live)' : ' (paused)'), [
        ['Time', function (e) { return time(e.loggedAt); }],
        ['Level', function (e) { return pill(e.level); }],
        ['Service', function (e) { return e.service; }],
        ['Entity', function (e) {
          return [e.entityType, ' ', entityLink(e.entityType.toLowerCase().replace(/_/g, '-'), e.entityId), e.attributeCode ? ' (' + e.attributeCode + ')' : ''];
        }],
        ['Outcome', function (e) { return e.outcome; }],
        ['Attempts', function (e) { return number(e.attempts); }, 'num'],
        ['Code', function (e) { return e.errorCode || ''; }],
        ['Message', function (e) { return e.message || ''; }, 'wrap'],
        ['Change set', function (e) { return changeSetLink(e.changeSetId); }]
      ], entries, 'No errors logged.'));
    }
    follow.addEventListener('change', draw);
    live(function () {
      if (!follow.checked && latest > 0) {
        return Promise.resolve();
      }
      return api('/ops/errors' + query({ level: params.level || 'WARN', after: latest, limit: 200 })).then(function (page) {
        error.textContent = '';
        if (page.items.length || latest === 0) {
          entries = page.items.concat(entries).slice(0, 500);
          draw();
        }
        latest = Math.max(latest, page.latestId);
      }, failed(error));
    }, 2000);
  }

  // ---- drift ------------------------------------------------------------------------------------------------------

  /** Fetches a report rendering as a file and hands it to the browser as a download (the API needs the token). */
  function download(path, filename, done) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + (sessionStorage.getItem(TOKEN_KEY) || '') }, cache: 'no-store', credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) {
          throw new ApiError(response.status, response.status + ' ' + response.statusText);
        }
        return response.blob();
      }).then(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = h('a', { href: url, download: filename, hidden: true });
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        done(blob.size);
      });
  }

  function drift() {
    var view = page('Drift');
    var error = alertBox();
    var scope = select('scope', [['all', 'All'], ['products', 'Products'], ['customers', 'Customers'], ['orders', 'Orders']], 'all');
    var cost = h('p', { id: 'drift-cost', 'aria-live': 'polite' });
    var report = h('div', { id: 'drift-report' });
    var shownId = null;
    var shownFinished = null;
    view.appendChild(h('p', { 'class': 'muted', text: 'Compares Retail Express with Magento without writing anything (skylink drift). '
        + 'The report lists every difference with both sides\u2019 values; healing publishes corrective syncs as a tracked bulk run.' }));
    var form = h('form', { 'class': 'bar', 'aria-label': 'Compare Retail Express with Magento' }, field('Scope', scope),
      h('button', { type: 'button', id: 'estimate-drift', onclick: function () {
        error.textContent = '';
        api('/ops/drift', { method: 'POST', body: { scope: scope.value, dryRun: true } }).then(function (c) {
          cost.textContent = 'Comparing ' + scope.value + ' costs ' + number(c.retailExpressCalls) + ' RE calls, about '
            + c.retailExpressTime + ' at ' + Math.round(c.budgetShare * 100) + ' % of the RE budget'
            + (c.withinCap ? '.' : ' \u2014 more than the cap of ' + number(c.callCap) + ' calls: it would stop early.');
        }, failed(error));
      } }, 'Estimate cost'),
      h('button', { type: 'submit', 'class': 'primary', id: 'compare-drift' }, 'Compare now'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.textContent = '';
      api('/ops/drift', { method: 'POST', body: { scope: scope.value } }).then(function () {
        say('Comparison of ' + scope.value + ' started; its report is shown here when it is done.');
      }, failed(error));
    });
    view.appendChild(form);
    view.appendChild(cost);
    view.appendChild(error);
    view.appendChild(report);

    function draw(r) {
      clear(report);
      var counts = {};
      r.items.forEach(function (item) { counts[item.category] = (counts[item.category] || 0) + 1; });
      var healable = r.items.filter(function (item) { return item.heal; }).length;
      var downloaded = h('p', { id: 'drift-download', 'class': 'muted', 'aria-live': 'polite' });
      function saveAs(format) {
        return function () {
          download('/ops/drift/reports/' + encodeURIComponent(r.id) + '?format=' + format, r.id + '.' + format, function (size) {
            downloaded.textContent = 'Downloaded ' + r.id + '.' + format + ' (' + number(size) + ' bytes).';
          }).catch(failed(error));
        };
      }
      var category = select('category', [['', 'Every healable category']].concat(Object.keys(counts).map(function (c) { return [c, c]; })), '');
      report.appendChild(h('h2', { text: 'Report ' + r.id }));
      report.appendChild(h('dl', { 'class': 'facts' },
        h('dt', { text: 'Scope' }), h('dd', { text: String(r.scope) }),
        h('dt', { text: 'Started' }), h('dd', null, time(r.startedAt)),
        h('dt', { text: 'Finished' }), h('dd', null, time(r.finishedAt)),
        h('dt', { text: 'Complete' }), h('dd', { text: r.complete ? 'yes' : 'no: ' + (r.note || '') }),
        h('dt', { text: 'Cost' }), h('dd', { text: number(r.retailExpressCalls) + ' RE calls, ' + number(r.magentoCalls) + ' Magento reads' })));
      report.appendChild(h('form', { 'class': 'bar', 'aria-label': 'Download or heal this report', onsubmit: function (e) { e.preventDefault(); } },
        h('button', { type: 'button', id: 'download-csv', onclick: saveAs('csv') }, 'Download CSV'),
        h('button', { type: 'button', id: 'download-json', onclick: saveAs('json') }, 'Download JSON'),
        field('Heal', category),
        h('button', { type: 'button', id: 'heal-drift', disabled: healable === 0, onclick: function () {
          error.textContent = '';
          api('/ops/drift/reports/' + encodeURIComponent(r.id) + '/heal', { method: 'POST', body: { category: category.value || null } })
            .then(function (started) {
              say(started.runId ? 'Healing ' + number(started.entities) + ' entities as bulk run ' + started.runId
                + ' (see Bulk runs); ' + number(started.unhealable.length) + ' need an operator.'
                : 'Nothing to heal; ' + number(started.unhealable.length) + ' differences need an operator.');
            }, failed(error));
        } }, 'Heal')));
      report.appendChild(downloaded);
      report.appendChild(table('Differences by category', [
        ['Category', function (c) { return c; }],
        ['Items', function (c) { return number(counts[c]); }, 'num']
      ], Object.keys(counts), 'No drift.'));
      report.appendChild(table(number(r.items.length) + ' differences', [
        ['Category', function (d) { return d.category; }],
        ['Entity', function (d) { return d.entity; }],
        ['Id', function (d) { return d.entityId; }],
        ['Magento', function (d) { return d.magentoId || ''; }],
        ['Fields', function (d) { return d.fields; }, 'wrap'],
        ['Retail Express', function (d) { return d.retailExpress; }, 'wrap'],
        ['Magento value', function (d) { return d.magento; }, 'wrap'],
        ['Heal', function (d) { return d.heal ? 'sync ' + d.heal.type + ' ' + d.heal.id : 'no: ' + (d.reason || ''); }, 'wrap']
      ], r.items, 'No drift: Retail Express and Magento agree.'));
    }

    live(function () {
      return api('/ops/drift/reports/latest').then(function (r) {
        if (r.id !== shownId || r.finishedAt !== shownFinished) {
          shownId = r.id;
          shownFinished = r.finishedAt;
          draw(r);
        }
      }, function (e) {
        if (e.status === 404) {
          if (shownId === null && !report.firstChild) {
            report.appendChild(h('p', { 'class': 'muted', id: 'no-drift-report', text: 'No report yet: compare now, or wait for the daily comparison.' }));
          }
        } else {
          failed(error)(e);
        }
      });
    }, 3000);
  }

  // ---- routing ----------------------------------------------------------------------------------------------------

  function stopTimers() {
    timers.forEach(clearInterval);
    timers = [];
  }

  function parseHash() {
    var hash = location.hash.replace(/^#\/?/, '');
    var q = hash.indexOf('?');
    var path = (q < 0 ? hash : hash.substring(0, q)).split('/').filter(Boolean).map(decodeURIComponent);
    var params = {};
    if (q >= 0) {
      hash.substring(q + 1).split('&').forEach(function (pair) {
        var eq = pair.indexOf('=');
        if (eq > 0) {
          params[decodeURIComponent(pair.substring(0, eq))] = decodeURIComponent(pair.substring(eq + 1));
        }
      });
    }
    return { path: path, params: params };
  }

  function route() {
    stopTimers();
    renderCount++;
    if (!sessionStorage.getItem(TOKEN_KEY)) {
      showLogin();
      return;
    }
    nav.hidden = false;
    logoutButton.hidden = false;
    var parsed = parseHash();
    var name = parsed.path[0] || 'changesets';
    Array.prototype.forEach.call(nav.querySelectorAll('a'), function (a) {
      if (a.getAttribute('data-page') === name) {
        a.setAttribute('aria-current', 'page');
      } else {
        a.removeAttribute('aria-current');
      }
    });
    switch (name) {
      case 'changesets': return parsed.path[1] ? changeSet(parsed.path[1], parsed.params) : changeSets(parsed.params);
      case 'entities': return entities(parsed.path[1], parsed.path[2]);
      case 'bulk-runs': return bulkRuns();
      case 'dead-letters': return deadLetters(parsed.params);
      case 'parked': return parked();
      case 'lag': return lag();
      case 'budget': return budget();
      case 'errors': return errors(parsed.params);
      case 'drift': return drift();
      default:
        page('Not found').appendChild(h('p', null, 'No such page. ', h('a', { href: '#/changesets', text: 'Change sets' })));
    }
  }

  window.addEventListener('hashchange', function () {
    say('');
    route();
  });
  route();
})();
