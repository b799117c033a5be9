/*
 * « Historique des demandes »: the finished requests (process instances) and the audit of one of
 * them, inside Cockpit, which shows no finished instance in its community edition.
 *
 * A plain ES module loaded by Cockpit's plugin system (no build step). Everything is read from the
 * engine's REST API behind the webapp's session (the same calls Cockpit makes, with its CSRF
 * header), so Camunda's authorizations decide what the signed-in user sees: the administrators
 * everything, a service only the requests it worked on. Text from the engine is always written with
 * textContent, never as HTML: business keys and variables come from families' input.
 *
 * Three plugin points: an entry of Cockpit's top navigation, a box on the dashboard, and the page
 * itself (route #/historique-demandes; ?instance=<id> opens the audit of one instance, the filters
 * and the page number are in the address too, so « Retour » and bookmarks work).
 */

const PATH = '/historique-demandes';
const TITLE = 'Historique des demandes';
const PAGE_SIZE = 20;
const TOWN_ZONE = 'Europe/Paris';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TOWN_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
});
const DATE_TIME_SECONDS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TOWN_ZONE, day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', second: '2-digit'
});

/** What each kind of step is, in the words of the town's staff. */
const ACTIVITY_TYPES = {
  startEvent: 'Début', messageStartEvent: 'Début (message)', timerStartEvent: 'Début (planifié)',
  noneEndEvent: 'Fin', terminateEndEvent: 'Fin (arrêt)', errorEndEvent: 'Fin (erreur)',
  messageEndEvent: 'Fin (message)', escalationEndEvent: 'Fin (escalade)', signalEndEvent: 'Fin (signal)',
  userTask: 'Tâche d\'un agent', serviceTask: 'Tâche automatique', scriptTask: 'Tâche automatique',
  sendTask: 'Envoi', receiveTask: 'Attente d\'un message', businessRuleTask: 'Règle de décision',
  exclusiveGateway: 'Choix', inclusiveGateway: 'Choix', parallelGateway: 'Branches parallèles',
  eventBasedGateway: 'Attente d\'un événement', subProcess: 'Sous-processus', callActivity: 'Appel d\'un processus',
  intermediateTimer: 'Délai', boundaryTimer: 'Délai dépassé', intermediateMessageCatch: 'Message reçu',
  boundaryMessage: 'Message reçu', intermediateNoneThrowEvent: 'Étape franchie', boundaryError: 'Erreur',
  boundaryEscalation: 'Escalade', intermediateSignalCatch: 'Signal reçu', boundarySignal: 'Signal reçu',
  intermediateMessageThrowEvent: 'Message envoyé', intermediateSignalThrow: 'Signal envoyé',
  multiInstanceBody: 'Répétition'
};

/** The operations of the user operation log an agent or an administrator does. */
const OPERATIONS = {
  Create: 'Création', Claim: 'Prise en charge', Assign: 'Attribution', Delegate: 'Délégation',
  Resolve: 'Résolution', Complete: 'Terminée', SetOwner: 'Changement de propriétaire',
  SetPriority: 'Changement de priorité', SetDueDate: 'Changement d\'échéance', SetFollowUpDate: 'Changement de relance',
  SetName: 'Changement de nom', SetDescription: 'Changement de description', Update: 'Modification',
  Delete: 'Suppression', AddUserLink: 'Ajout d\'un candidat', DeleteUserLink: 'Retrait d\'un candidat',
  AddGroupLink: 'Ajout d\'un groupe candidat', DeleteGroupLink: 'Retrait d\'un groupe candidat',
  AddAttachment: 'Ajout d\'une pièce jointe', DeleteAttachment: 'Suppression d\'une pièce jointe',
  AddComment: 'Ajout d\'un commentaire', Suspend: 'Suspension', Activate: 'Reprise',
  ModifyProcessInstance: 'Modification de l\'instance', Migrate: 'Migration', SetVariable: 'Variable modifiée',
  SetVariables: 'Variables modifiées', ModifyVariable: 'Variable modifiée', RemoveVariable: 'Variable supprimée',
  RemoveVariables: 'Variables supprimées', Correlate: 'Message corrélé', DeleteHistory: 'Historique supprimé',
  SetRemovalTime: 'Date de purge fixée'
};

// ---------------------------------------------------------------------------------------------
// the REST API of the engine, through the webapp's session

function engine(api) {
  async function call(method, path, params, body) {
    const url = new URL(api.engineApi + path, window.location.origin);
    Object.entries(params || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== '') {
        url.searchParams.set(name, value);
      }
    });
    const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(url, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      throw new Error(response.status === 401 || response.status === 403
        ? 'votre session a pris fin ou ne donne pas accès à ces données (' + response.status + ')'
        : 'le serveur a répondu ' + response.status);
    }
    return response.json();
  }
  return {
    get: (path, params) => call('GET', path, params),
    post: (path, params, body) => call('POST', path, params, body)
  };
}

/** The token Cockpit read when the plugin was drawn, or the cookie's current one (it changes at each login). */
function csrfToken(api) {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : (api.CSRFToken || '');
}

// ---------------------------------------------------------------------------------------------
// small DOM helpers: every text goes through textContent

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function table(caption, headers, rows, emptyText) {
  if (rows.length === 0) {
    return emptyText ? el('p', { class: 'ph-empty', text: emptyText }) : null;
  }
  return el('div', { class: 'ph-table-wrapper' },
    el('table', { class: 'table table-striped ph-table' },
      el('caption', { text: caption }),
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell, i) => i === 0
        ? el('th', { scope: 'row' }, cell)
        : el('td', {}, cell)))))));
}

function alertBox(message) {
  return el('p', { class: 'alert alert-danger', role: 'alert', text: message });
}

// ---------------------------------------------------------------------------------------------
// formats: dates in the town's time zone, durations and outcomes in French

/** The engine writes « 2026-12-03T14:05:00.000+0100 »: the offset gets its colon for Date. */
function parseDate(text) {
  return text ? new Date(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : null;
}

function dateTime(text, seconds) {
  const date = parseDate(text);
  return date ? (seconds ? DATE_TIME_SECONDS : DATE_TIME).format(date).replace(',', '') : '—';
}

function duration(millis) {
  if (millis === null || millis === undefined) {
    return '—';
  }
  if (millis < 1000) {
    return millis + ' ms';
  }
  const seconds = Math.floor(millis / 1000);
  const parts = [[Math.floor(seconds / 86400), 'j'], [Math.floor(seconds % 86400 / 3600), 'h'],
    [Math.floor(seconds % 3600 / 60), 'min'], [seconds % 60, 's']];
  const first = parts.findIndex(([value]) => value > 0);
  return parts.slice(first, first + 2).filter(([value]) => value > 0).map(([value, unit]) => value + ' ' + unit).join(' ');
}

/**
 * The outcome of a finished instance: the name of the end event it reached last (an event
 * sub-process's end, like a withdrawal, included), or why it was stopped. The REST API does not give
 * the instance's end activity, so it is read from its steps, the last ended first.
 */
async function outcome(rest, instance) {
  if (instance.state === 'EXTERNALLY_TERMINATED') {
    return 'Annulée' + (instance.deleteReason ? ' : ' + instance.deleteReason : '');
  }
  if (instance.state === 'INTERNALLY_TERMINATED') {
    return 'Interrompue';
  }
  const steps = await rest.post('/history/activity-instance', { maxResults: 200 }, {
    processInstanceId: instance.id, finished: true,
    sorting: [{ sortBy: 'endTime', sortOrder: 'desc' }, { sortBy: 'occurrence', sortOrder: 'desc' }]
  });
  const end = (steps || []).find((step) => /EndEvent$/.test(step.activityType));
  return end ? (end.activityName || end.activityId) : '—';
}

function variableValue(variable) {
  if (variable.value === null || variable.value === undefined) {
    return variable.errorMessage ? '(illisible : ' + variable.errorMessage + ')' : '(vide)';
  }
  if (variable.type === 'Boolean') {
    return variable.value ? 'oui' : 'non';
  }
  if (variable.type === 'Date') {
    return dateTime(variable.value, true);
  }
  const text = typeof variable.value === 'string' ? variable.value : JSON.stringify(variable.value);
  return text.length > 300 ? text.substring(0, 300) + '…' : text;
}

// ---------------------------------------------------------------------------------------------
// the address of the page: #/historique-demandes?definition=…&cle=…&page=…, or ?instance=…

function readAddress() {
  const hash = window.location.hash;
  const query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query);
}

function address(params) {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '' && !(name === 'page' && value === 1)) {
      query.set(name, value);
    }
  });
  const text = query.toString();
  return '#' + PATH + (text ? '?' + text : '');
}

// ---------------------------------------------------------------------------------------------
// the list of finished requests

async function renderList(root, rest, params) {
  const definition = params.get('definition') || '';
  const key = params.get('cle') || '';
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);

  root.append(el('h1', { class: 'ph-title', text: TITLE }),
    el('p', { class: 'ph-lead', text: 'Les demandes terminées, la plus récente d\'abord. Ouvrez une demande pour voir '
      + 'ses étapes, qui les a faites et quand, et ses variables à la fin.' }));

  const definitionSelect = el('select', { id: 'ph-definition', name: 'definition', class: 'form-control' },
    el('option', { value: '', text: 'Tous les processus' }));
  const keyInput = el('input', {
    id: 'ph-key', name: 'cle', type: 'search', class: 'form-control', value: key,
    'aria-describedby': 'ph-key-hint', autocomplete: 'off'
  });
  const form = el('form', { class: 'ph-filters', role: 'search', 'aria-label': 'Filtrer les demandes terminées' },
    el('div', { class: 'form-group' },
      el('label', { for: 'ph-definition', text: 'Processus' }), definitionSelect),
    el('div', { class: 'form-group' },
      el('label', { for: 'ph-key', text: 'Clé de la demande contient' }), keyInput,
      el('p', { id: 'ph-key-hint', class: 'help-block', text: 'Par exemple PRE-2026 ou DUPONT (majuscules et minuscules comptent).' })),
    el('div', { class: 'form-group ph-actions' },
      el('button', { type: 'submit', class: 'btn btn-primary', text: 'Filtrer' }),
      el('a', { class: 'btn btn-link', href: address({}), text: 'Effacer les filtres' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = address({ definition: definitionSelect.value, cle: keyInput.value.trim() });
  });
  const results = el('div', { class: 'ph-results', 'aria-live': 'polite' }, el('p', { text: 'Chargement…' }));
  root.append(form, results);

  try {
    const definitions = await rest.get('/process-definition', { latestVersion: true, sortBy: 'name', sortOrder: 'asc' }) || [];
    definitions.forEach((d) => definitionSelect.append(
      el('option', { value: d.key, selected: d.key === definition, text: (d.name || d.key) })));

    const filter = {
      finished: true,
      processDefinitionKey: definition,
      processInstanceBusinessKeyLike: key ? '%' + key + '%' : ''
    };
    const [counted, instances] = await Promise.all([
      rest.get('/history/process-instance/count', filter),
      rest.get('/history/process-instance', Object.assign({
        sortBy: 'endTime', sortOrder: 'desc', firstResult: (page - 1) * PAGE_SIZE, maxResults: PAGE_SIZE
      }, filter))
    ]);
    const total = counted ? counted.count : 0;
    const outcomes = await Promise.all((instances || []).map((instance) => outcome(rest, instance)));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

    results.replaceChildren(...[
      el('p', { class: 'ph-count', text: total === 0 ? 'Aucune demande terminée.'
        : total + (total === 1 ? ' demande terminée' : ' demandes terminées') + (pages > 1 ? ' – page ' + page + ' sur ' + pages : '') }),
      table('Demandes terminées' + (key ? ' dont la clé contient « ' + key + ' »' : ''),
        ['Demande', 'Processus', 'Début', 'Fin', 'Durée', 'Issue'],
        (instances || []).map((instance, i) => [
          el('a', { href: address({ instance: instance.id }), text: instance.businessKey || instance.id }),
          instance.processDefinitionName || instance.processDefinitionKey,
          dateTime(instance.startTime),
          dateTime(instance.endTime),
          duration(instance.durationInMillis),
          outcomes[i]
        ]), ''),
      pages > 1 ? el('nav', { class: 'ph-pages', 'aria-label': 'Pages' },
        page > 1 ? el('a', { class: 'btn btn-default', href: address({ definition, cle: key, page: page - 1 }), text: '← Page précédente' }) : null,
        page < pages ? el('a', { class: 'btn btn-default', href: address({ definition, cle: key, page: page + 1 }), text: 'Page suivante →' }) : null)
        : null
    ].filter((child) => child));
  } catch (error) {
    results.replaceChildren(alertBox('Impossible de lire l\'historique : ' + error.message + '.'));
  }
}

// ---------------------------------------------------------------------------------------------
// the audit of one instance

async function renderAudit(root, rest, instanceId) {
  const back = el('p', {}, el('a', { href: address({}), text: '← Retour à l\'historique des demandes' }));
  root.append(back);
  const body = el('div', { 'aria-live': 'polite' }, el('p', { text: 'Chargement…' }));
  root.append(body);
  try {
    const instance = await rest.get('/history/process-instance/' + encodeURIComponent(instanceId));
    if (!instance) {
      body.replaceChildren(el('h1', { class: 'ph-title', text: 'Demande introuvable' }),
        alertBox('Cette demande n\'existe pas ou ne vous est pas accessible.'));
      return;
    }
    const [activities, operations, variables, result] = await Promise.all([
      rest.post('/history/activity-instance', {}, {
        processInstanceId: instance.id,
        sorting: [{ sortBy: 'startTime', sortOrder: 'asc' }, { sortBy: 'occurrence', sortOrder: 'asc' }]
      }),
      rest.get('/history/user-operation', { processInstanceId: instance.id, sortBy: 'timestamp', sortOrder: 'asc' }),
      rest.get('/history/variable-instance', {
        processInstanceId: instance.id, deserializeValues: false, sortBy: 'variableName', sortOrder: 'asc'
      }),
      outcome(rest, instance)
    ]);

    const taskNames = {};
    (activities || []).forEach((a) => { if (a.taskId) { taskNames[a.taskId] = a.activityName || a.activityId; } });
    const completedBy = {};
    (operations || []).filter((o) => o.operationType === 'Complete' && o.taskId)
      .forEach((o) => { completedBy[o.taskId] = { user: o.userId, at: o.timestamp }; });

    const title = instance.businessKey || instance.id;
    const facts = [
      ['Processus', (instance.processDefinitionName || instance.processDefinitionKey) + ' (version ' + instance.processDefinitionVersion + ')'],
      ['Début', dateTime(instance.startTime, true)],
      ['Fin', dateTime(instance.endTime, true)],
      ['Durée', duration(instance.durationInMillis)],
      ['Issue', result],
      ['Commencée par', instance.startUserId || 'le portail (famille ou tâche planifiée)']
    ];
    body.replaceChildren(
      el('h1', { class: 'ph-title' }, 'Demande ', el('span', { class: 'ph-key', text: title })),
      el('dl', { class: 'ph-facts' }, facts.map(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })])),
      el('p', {}, el('a', {
        // the engine's own id (key:version:uuid), written as Cockpit writes it in its links
        href: '#/process-definition/' + instance.processDefinitionId + '/runtime',
        text: 'Voir le schéma du processus dans Cockpit'
      })),
      el('h2', { text: 'Étapes' }),
      table('Étapes de la demande, dans l\'ordre', ['Étape', 'Type', 'Début', 'Fin', 'Par'],
        (activities || []).map((a) => {
          const done = a.taskId ? completedBy[a.taskId] : null;
          let who = '—';
          if (done && done.user) {
            who = done.user + (a.assignee && a.assignee !== done.user ? ' (attribuée à ' + a.assignee + ')' : '');
          } else if (a.assignee) {
            who = a.assignee;
          } else if (a.activityType === 'userTask') {
            who = a.canceled ? 'personne (tâche annulée)' : 'personne';
          }
          return [a.activityName || a.activityId, ACTIVITY_TYPES[a.activityType] || a.activityType,
            dateTime(a.startTime, true), dateTime(a.endTime, true), who];
        }), 'Aucune étape enregistrée.'),
      el('h2', { text: 'Journal des opérations des agents' }),
      table('Qui a fait quoi, et quand', ['Quand', 'Qui', 'Opération', 'Sur', 'Détail'],
        groupOperations(operations || []).map((o) => [
          dateTime(o.timestamp, true), o.userId || '—', OPERATIONS[o.operationType] || o.operationType,
          o.taskId ? (taskNames[o.taskId] || 'tâche ' + o.taskId) : 'la demande', o.details
        ]), 'Aucune opération d\'un agent enregistrée.'),
      el('h2', { text: 'Variables à la fin' }),
      // the demand's own variables; the copies a task keeps for its Tasklist card are left out
      table('Variables de la demande à sa fin', ['Nom', 'Type', 'Valeur'],
        (variables || []).filter((v) => !v.taskId).map((v) => [v.name, v.type, variableValue(v)]), 'Aucune variable.'));
  } catch (error) {
    body.replaceChildren(alertBox('Impossible de lire l\'historique : ' + error.message + '.'));
  }
}

/** One line per operation: the engine writes one entry per changed property, sharing an operationId. */
function groupOperations(entries) {
  const byOperation = new Map();
  entries.forEach((entry) => {
    const id = entry.operationId || entry.id;
    if (!byOperation.has(id)) {
      byOperation.set(id, Object.assign({}, entry, { changes: [] }));
    }
    if (entry.property && !['mode', 'delete'].includes(entry.property) && (entry.newValue !== null || entry.orgValue !== null)) {
      byOperation.get(id).changes.push(entry.property + ' : ' + (entry.orgValue === null ? '' : entry.orgValue + ' → ')
        + (entry.newValue === null ? '(vide)' : entry.newValue));
    }
  });
  return Array.from(byOperation.values()).map((o) => Object.assign(o, { details: o.changes.join(' ; ') || '—' }));
}

// ---------------------------------------------------------------------------------------------
// the plugin points

function renderPage(node, { api }) {
  const root = el('section', { class: 'ph-page' });
  node.append(root);
  const params = readAddress();
  const rest = engine(api);
  if (params.get('instance')) {
    renderAudit(root, rest, params.get('instance'));
  } else {
    renderList(root, rest, params);
  }
  document.title = TITLE + ' | Camunda Cockpit';
}

export default [
  {
    id: 'historique-demandes-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: PATH, label: TITLE },
    render: (node) => node.append(el('a', { href: '#' + PATH, class: 'ph-nav', text: TITLE }))
  },
  {
    id: 'historique-demandes-tableau-de-bord',
    pluginPoint: 'cockpit.dashboard',
    priority: 5,
    properties: { label: TITLE },
    render: (node) => node.append(el('section', { class: 'ph-dashboard' },
      el('h2', { text: TITLE }),
      el('p', {}, 'Les demandes terminées et leur audit : ', el('a', { href: '#' + PATH, text: 'ouvrir l\'historique des demandes' }), '.')))
  },
  {
    id: 'historique-demandes-page',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: TITLE },
    render: renderPage
  }
];
