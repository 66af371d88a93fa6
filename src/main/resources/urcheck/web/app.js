// urcheck page: builds a case file from the form (or takes one pasted or uploaded), sends it to
// POST /v1/check on this same server and shows the answer for people, not as JSON.
// Plain JavaScript, no library, nothing fetched from anywhere but this server.
'use strict';

(function () {
  // ---------------------------------------------------------------- words shown to people

  const SERVICE_LABELS = {
    diagnostic_medial_branch_block: 'Diagnostic medial branch block',
    therapeutic_facet_injection: 'Therapeutic facet joint injection (intra-articular)',
    facet_joint_injection: 'Facet joint injection, purpose not stated',
    facet_radiofrequency_neurotomy: 'Facet radiofrequency neurotomy (ablation)',
    massage_therapy: 'Massage therapy',
    additional_level: 'Additional level (goes with a procedure)',
    imaging_guidance: 'Fluoroscopic or imaging guidance (goes with a procedure)',
    iv_sedation: 'IV sedation or anesthesia (goes with a procedure)',
    other: 'Something else'
  };
  const ASSOCIATED = ['additional_level', 'imaging_guidance', 'iv_sedation'];
  const FACET = ['diagnostic_medial_branch_block', 'therapeutic_facet_injection', 'facet_joint_injection',
    'facet_radiofrequency_neurotomy'];

  // Item fields that say what is requested (they choose the guideline section), shown by service. Every other
  // question is shown only when a criterion of a chosen service's sections reads it: /questions.json says
  // which criteria read which question, /v1/criteria which section each criterion belongs to.
  const ITEM_FIELD_SHOWN = {
    purpose: s => FACET.includes(s),
    region: s => FACET.includes(s) || s === 'massage_therapy' || s === 'other',
    primaryItem: s => ASSOCIATED.includes(s)
  };
  let QUESTIONS = {services: {}, questions: {}};
  const SECTION_OF = {};

  const FACTS = {
    radicularSymptoms: ['Radicular symptoms or signs',
      'Pain, numbness or tingling radiating into an arm or leg; a dermatomal deficit.'],
    radiculopathyOnElectrodiagnostics: ['Radiculopathy on EMG or nerve conduction studies', ''],
    spinalStenosis: ['Spinal stenosis', ''],
    priorFusion: ['Previous spinal fusion', 'Give the fused levels.'],
    surgeryPlanned: ['Spinal surgery planned or anticipated', ''],
    facetTenderness: ['Tenderness over the facet joints', 'Paravertebral tenderness on examination.'],
    axialPain: ['Axial spinal pain that does not radiate', 'In the neck: not past the shoulders.'],
    painfulOrLimitedExtensionRotation: ['Painful or limited extension and rotation', 'Facet loading on examination.'],
    imagingFacetFindings: ['Imaging shows facet joint pathology', 'Give the levels.'],
    extremeAnxiety: ['Extreme anxiety about the procedure',
      'The one reason ODG accepts IV sedation for a diagnostic block.'],
    activeTherapy: ['A plan of active therapy or exercise alongside the request',
      'Home exercise, physical therapy or another evidence-based activity.'],
    sedation: ['IV sedation planned for the procedure', ''],
    workStatusImproved: ['Work status improved', 'Return to work, fewer restrictions, or regular duty kept.'],
    adlImproved: ['Activities of daily living improved', ''],
    medicationReduced: ['Less pain medication', ''],
    painScaleRecorded: ['Relief recorded on a pain scale before and after', 'VAS or NRS scores.']
  };
  const FACTS_WITH_LEVELS = ['priorFusion', 'imagingFacetFindings'];

  const MODALITIES = {
    physical_therapy: 'Physical therapy', home_exercise: 'Home exercise program', nsaids: 'NSAIDs',
    other_medication: 'Other medication', chiropractic: 'Chiropractic', massage: 'Massage', other: 'Other'
  };
  const RESPONSES = {failed: 'Failed', helped: 'Helped', unknown: 'Not stated'};
  const DIAGNOSES = {myalgia_myositis: 'Myalgia or myositis', neuralgia_neuritis_radiculitis: 'Neuralgia, neuritis or radiculitis',
    crps: 'Complex regional pain syndrome (CRPS)'};
  const PROCEDURES = {
    medial_branch_block: 'Medial branch block', facet_injection: 'Facet joint injection',
    radiofrequency_neurotomy: 'Radiofrequency neurotomy', epidural_steroid_injection: 'Epidural steroid injection',
    trigger_point_injection: 'Trigger point injection', other: 'Other procedure'
  };
  const REGIONS = {cervical: 'Cervical (neck)', thoracic: 'Thoracic (mid back)', lumbar: 'Lumbar (low back)'};
  const LATERALITY = {left: 'Left', right: 'Right', bilateral: 'Bilateral'};
  const UNITS = {hours: 'hours', days: 'days', weeks: 'weeks', months: 'months'};

  const DETERMINATIONS = {
    MEDICALLY_NECESSARY: ['Medically necessary', 'The governing criteria are met: the request can be approved.', 'ok'],
    NOT_MEDICALLY_NECESSARY: ['Not medically necessary',
      'A criterion is not met or not documented: expect referral to physician review and a likely denial.', 'bad'],
    NOT_COVERED: ['Not covered by these guidelines',
      'urcheck has no criteria for this request; a reviewer will look to other sources.', 'neutral']
  };
  const IMR = {UPHELD: 'denial upheld', OVERTURNED: 'denial overturned'};
  // The outcome in words and the one thing to do, first on each item's answer.
  const OUTCOMES = {
    CRITERIA_MET: ['Criteria met', 'ok'],
    CRITERIA_NOT_MET: ['Criteria not met', 'bad'],
    INFORMATION_NEEDED: ['Information needed', 'warn'],
    NOT_COVERED: ['Not covered by these guidelines', 'neutral']
  };
  const ACTIONS = {
    MAY_BE_APPROVED: 'may be approved',
    REQUEST_ADDITIONAL_INFORMATION: 'request the information from the provider',
    REFER_TO_PHYSICIAN_REVIEWER: 'refer to a physician reviewer'
  };
  const STATUSES = {
    MET: ['Met', '\u2713', 'ok'],
    NOT_MET: ['Not met', '\u2717', 'bad'],
    NOT_DOCUMENTED: ['Not documented', '?', 'warn'],
    NOT_APPLICABLE: ['Not applicable', '\u2013', 'neutral']
  };
  const KINDS = {prerequisite: 'required', exclusion: 'exclusion', procedural: 'procedural', limit: 'limit',
    factor: 'weighed with others'};

  // ---------------------------------------------------------------- small DOM helpers (text only: no innerHTML)

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k in node && typeof v !== 'string') node[k] = v;
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  let uid = 0;
  const newId = prefix => prefix + '-' + (++uid);

  function select(id, options, placeholder, field) {
    const s = el('select', {id, 'data-field': field});
    if (placeholder !== null) s.append(el('option', {value: ''}, placeholder));
    for (const [value, label] of Object.entries(options)) s.append(el('option', {value}, label));
    return s;
  }

  function field(labelText, control, hintText, extraClass) {
    const hintId = hintText ? control.id + '-hint' : null;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return el('div', {class: 'field' + (extraClass ? ' ' + extraClass : '')},
      el('label', {for: control.id}, labelText),
      control,
      hintText ? el('p', {class: 'hint', id: hintId}, hintText) : null);
  }

  function textInput(id, fieldName, attrs) {
    return el('input', Object.assign({id, 'data-field': fieldName, autocomplete: 'off'}, attrs || {}));
  }

  // ---------------------------------------------------------------- three-way facts

  function factRow(key, namePrefix, group) {
    if (NUMBER_FACTS[key]) return numberRow(key, namePrefix, group);
    const [label, hint] = FACTS[key] || [key, ''];
    const base = newId(namePrefix + '-' + key);
    const hintId = hint ? base + '-hint' : null;
    const radios = [['present', 'Yes'], ['absent', 'No'], ['', 'Not documented']].map(([value, text]) =>
      el('span', {class: 'choice'},
        el('input', {type: 'radio', name: base, id: base + '-' + (value || 'nd'), value, checked: value === ''}),
        el('label', {for: base + '-' + (value || 'nd')}, text)));
    const extras = [];
    if (FACTS_WITH_LEVELS.includes(key)) {
      extras.push(field('Levels', textInput(base + '-levels', 'levels', {maxlength: 200, placeholder: 'e.g. L4-5, L5-S1'})));
    }
    extras.push(field('What the record says (optional)', textInput(base + '-note', 'note', {maxlength: 2000})));
    return el('fieldset', {class: 'fact', 'data-fact': key, 'data-question': group ? group + '.' + key : null, 'aria-describedby': hintId},
      el('legend', {class: 'fact-label'}, label),
      hint ? el('p', {class: 'hint fact-hint', id: hintId}, hint) : null,
      el('div', {class: 'tri', role: 'presentation'}, radios),
      el('div', {class: 'fact-extra'}, extras));
  }

  // A question the schema asks as a number (injectate volume): a number box, not yes / no.
  const NUMBER_FACTS = {};

  function numberRow(key, namePrefix, group) {
    const spec = NUMBER_FACTS[key];
    const input = textInput(newId(namePrefix + '-' + key), 'number',
      {inputmode: 'decimal', maxlength: 8, 'data-number': 'decimal', 'data-min': spec.min, 'data-max': spec.max});
    return el('div', {class: 'fact fact-number', 'data-fact': key, 'data-question': group + '.' + key},
      field(spec.label + ' (leave empty when the record does not say)', input, spec.hint));
  }

  function readFact(row) {
    if (row.classList.contains('fact-number')) {
      const v = $('[data-field=number]', row).value.trim();
      return v === '' ? null : numberOrText(v);
    }
    const status = ($('input[type=radio]:checked', row) || {}).value || '';
    const note = ($('[data-field=note]', row) || {}).value || '';
    const levels = ($('[data-field=levels]', row) || {}).value || '';
    if (!status && !note.trim() && !levels.trim()) return null;
    const fact = {status: status || 'not_documented'};
    if (levels.trim()) fact.levels = levels.trim();
    if (note.trim()) fact.note = note.trim();
    return fact;
  }

  function writeFact(row, fact) {
    if (row.classList.contains('fact-number')) {
      $('[data-field=number]', row).value = fact === null || fact === undefined || typeof fact === 'object' ? '' : String(fact);
      return;
    }
    const status = fact && fact.status && fact.status !== 'not_documented' ? fact.status : '';
    for (const r of $$('input[type=radio]', row)) r.checked = r.value === status;
    const note = $('[data-field=note]', row);
    if (note) note.value = (fact && fact.note) || '';
    const levels = $('[data-field=levels]', row);
    if (levels) levels.value = (fact && fact.levels) || '';
  }

  function factKeys(schemaObject, fallback) {
    const props = schemaObject && schemaObject.properties ? Object.keys(schemaObject.properties) : [];
    return props.length ? props : fallback;
  }

  // ---------------------------------------------------------------- items

  let nextItemId = 1;

  function addItem(data) {
    const d = data || {};
    const itemId = d.id !== undefined ? String(d.id) : String(nextItemId);
    const n = parseInt(itemId, 10);
    if (!isNaN(n) && n >= nextItemId) nextItemId = n + 1;
    const p = newId('item');
    const card = el('div', {class: 'card item', 'data-item-id': itemId});
    const title = el('h3', {class: 'card-title'}, 'Item ' + itemId);
    const remove = el('button', {type: 'button', class: 'remove', 'aria-label': 'Remove item ' + itemId,
      onclick: () => { card.remove(); refreshItems(); }}, 'Remove');
    const service = select(p + '-service', serviceOptions(), 'Choose the service\u2026', 'service');
    service.required = true;
    const grid = el('div', {class: 'grid'},
      field('What is requested, as written', textInput(p + '-request', 'request', {maxlength: 2000}),
        'The words of the request, e.g. "Bilateral L4-5, L5-S1 medial branch block".', 'wide'),
      el('div', {class: 'field span2'},
        el('label', {for: service.id}, 'Service ', el('span', {class: 'req', 'aria-hidden': 'true'}, '*')), service),
      field('Purpose', select(p + '-purpose', {diagnostic: 'Diagnostic', therapeutic: 'Therapeutic'}, 'Not stated', 'purpose'),
        'Only where the request or record states it.'),
      field('Spinal region', select(p + '-region', REGIONS, 'Not stated', 'region')),
      field('Levels', textInput(p + '-levels', 'levels', {maxlength: 200, placeholder: 'e.g. C2-C3, C3-C4 or C2, C3, C4'}),
        'Joints or medial-branch nerves, as written.'),
      field('Side', select(p + '-laterality', LATERALITY, 'Not stated', 'laterality')),
      field('Number of procedures', textInput(p + '-sessions', 'sessions', {inputmode: 'numeric', maxlength: 3, 'data-number': 'integer', 'data-min': 1, 'data-max': 100}),
        'For a series: "once a month for three months" is 3. Leave empty for one.'),
      field('Frequency as written', textInput(p + '-frequency', 'frequency', {maxlength: 200}),
        'e.g. "1 time weekly for 4 weeks".'),
      field('Visits requested', textInput(p + '-visits', 'visits', {inputmode: 'numeric', maxlength: 3, 'data-number': 'integer', 'data-min': 1, 'data-max': 200})),
      field('Diagnosis treated', select(p + '-diagnosis', DIAGNOSES, 'Not stated', 'diagnosis'),
        'The diagnosis whose physical-medicine visit limit applies (MTUS Chronic Pain pp. 98-99).'),
      field('Goes with item', select(p + '-primaryItem', {}, 'Choose the procedure\u2026', 'primaryItem'),
        'The procedure this service belongs to.'),
      field('Repeat neurotomy?', select(p + '-repeat', {true: 'Yes, it repeats an earlier one', false: 'No, the first one'},
        'Not stated', 'repeat'), 'Left empty: read from the earlier procedures.'));
    card.append(el('div', {class: 'card-head'}, title, remove), grid);
    service.addEventListener('change', () => applyService(card));
    $('#items').append(card);
    const set = (f, v) => { const c = $('[data-field=' + f + ']', card); if (c && v !== undefined && v !== null) c.value = String(v); };
    for (const c of $$('[data-field]', grid)) c.closest('.field').dataset.question = 'items.' + c.dataset.field;
    for (const f of ['request', 'service', 'purpose', 'region', 'levels', 'laterality', 'sessions', 'frequency', 'visits', 'diagnosis', 'repeat']) {
      set(f, d[f]);
    }
    // The procedure it goes with may come later in the case file: refreshItems() sets it once it exists.
    if (d.primaryItem !== undefined) card.dataset.pendingPrimary = String(d.primaryItem);
    refreshItems();
    applyService(card);
    return card;
  }

  function serviceOptions() {
    const values = (schemaEnums.service || Object.keys(SERVICE_LABELS));
    const out = {};
    for (const v of values) out[v] = SERVICE_LABELS[v] || v.replace(/_/g, ' ');
    return out;
  }

  function applyService(card) {
    const s = $('[data-field=service]', card).value;
    const sections = new Set(QUESTIONS.services[s] || []);
    for (const control of $$('[data-field]', card)) {
      const f = control.dataset.field;
      if (f === 'request' || f === 'service') continue;
      const box = control.closest('.field');
      if (ITEM_FIELD_SHOWN[f]) {
        box.hidden = !s || !ITEM_FIELD_SHOWN[f](s);
      } else {
        const feeds = criteriaFed('items.' + f, sections);
        box.hidden = !s || !feeds.length;
        markFeeds(box, feeds);
      }
    }
    applyQuestions();
  }

  /** The criteria of these sections that read a question (by its name in questions.json). */
  function criteriaFed(question, sections) {
    const q = QUESTIONS.questions[question];
    return q ? q.criteria.filter(c => sections.has(SECTION_OF[c])) : [];
  }

  /** Marks a question with the criteria it feeds, so the person sees why it is asked. */
  function markFeeds(box, feeds) {
    let tag = $(':scope > .feeds', box);
    if (!tag) {
      tag = el('p', {class: 'feeds'});
      box.append(tag);
    }
    tag.textContent = feeds.length ? 'Decides: ' + feeds.join(', ') : '';
  }

  /** Shows the case-level questions that a criterion of any chosen service reads, and hides the rest. */
  function applyQuestions() {
    const sections = new Set();
    for (const sel of $$('#items [data-field=service]')) (QUESTIONS.services[sel.value] || []).forEach(x => sections.add(x));
    for (const box of $$('#case-form [data-question]')) {
      if (box.closest('#items')) continue;
      const feeds = criteriaFed(box.dataset.question, sections);
      box.hidden = !feeds.length;
      markFeeds(box, feeds);
    }
    for (const panel of $$('#clinical-fields, #plan-fields')) {
      panel.hidden = !$$('[data-question]', panel).some(b => !b.hidden);
    }
    $('#no-questions').hidden = sections.size > 0;
  }

  function refreshItems() {
    const cards = $$('#items .item');
    for (const card of cards) {
      const sel = $('[data-field=primaryItem]', card);
      const keep = sel.value;
      sel.replaceChildren(el('option', {value: ''}, 'Choose the procedure\u2026'));
      for (const other of cards) {
        if (other === card) continue;
        const id = other.dataset.itemId;
        const what = $('[data-field=request]', other).value || SERVICE_LABELS[$('[data-field=service]', other).value] || '';
        sel.append(el('option', {value: id}, 'Item ' + id + (what ? ': ' + what.slice(0, 60) : '')));
      }
      const wanted = keep || card.dataset.pendingPrimary || '';
      sel.value = wanted;
      if (sel.value === wanted) delete card.dataset.pendingPrimary;
      $('.remove', card).hidden = cards.length === 1;
    }
  }

  // ---------------------------------------------------------------- conservative care and earlier procedures

  function addCare(data) {
    const d = data || {};
    const p = newId('care');
    const row = el('div', {class: 'card care'});
    row.append(el('div', {class: 'card-head'}, el('h3', {class: 'card-title'}, 'Conservative care'),
      el('button', {type: 'button', class: 'remove', 'aria-label': 'Remove this conservative care',
        onclick: () => { row.remove(); numberCards('#care-rows .care', 'Conservative care'); }}, 'Remove')),
    el('div', {class: 'grid'},
      field('Care tried', select(p + '-modality', MODALITIES, 'Choose\u2026', 'modality')),
      field('Weeks tried', textInput(p + '-weeks', 'weeks', {inputmode: 'numeric', maxlength: 4, 'data-number': 'integer', 'data-min': 0, 'data-max': 1000}), 'Leave empty when not documented.'),
      field('Visits already received', textInput(p + '-visits', 'visits', {inputmode: 'numeric', maxlength: 4, 'data-number': 'integer', 'data-min': 0, 'data-max': 1000}), 'Physical therapy, chiropractic or massage visits.'),
      field('Result', select(p + '-response', RESPONSES, null, 'response'), 'Failed: little or no improvement.'),
      field('What the record says (optional)', textInput(p + '-note', 'note', {maxlength: 2000}), null, 'wide')));
    $('#care-rows').append(row);
    numberCards('#care-rows .care', 'Conservative care');
    for (const f of ['modality', 'weeks', 'visits', 'response', 'note']) {
      if (d[f] !== undefined) $('[data-field=' + f + ']', row).value = String(d[f]);
    }
    return row;
  }

  function addProcedure(data) {
    const d = data || {};
    const p = newId('proc');
    const row = el('div', {class: 'card procedure'});
    const functional = el('div', {class: 'facts'},
      functionalKeys.map(k => factRow(k, p, null)));
    row.append(el('div', {class: 'card-head'}, el('h3', {class: 'card-title'}, 'Earlier procedure'),
      el('button', {type: 'button', class: 'remove', 'aria-label': 'Remove this earlier procedure',
        onclick: () => { row.remove(); numberCards('#procedure-rows .procedure', 'Earlier procedure'); }}, 'Remove')),
    el('div', {class: 'grid'},
      field('Procedure', select(p + '-type', PROCEDURES, 'Choose\u2026', 'type')),
      field('Date', textInput(p + '-date', 'date', {inputmode: 'numeric', placeholder: 'YYYY-MM-DD'}), 'YYYY-MM-DD, YYYY-MM or YYYY.'),
      field('Spinal region', select(p + '-region', REGIONS, 'Not stated', 'region')),
      field('Levels', textInput(p + '-levels', 'levels', {maxlength: 200})),
      field('Pain relief (%)', textInput(p + '-reliefPercent', 'reliefPercent', {inputmode: 'numeric', maxlength: 3, 'data-number': 'integer', 'data-min': 0, 'data-max': 100}),
        'For "80 to 90%" give 80.'),
      el('div', {class: 'field duration'},
        el('label', {for: p + '-reliefValue'}, 'Relief lasted'),
        el('div', {class: 'inline'},
          textInput(p + '-reliefValue', 'reliefValue', {inputmode: 'decimal', maxlength: 6, 'data-number': 'decimal', 'data-min': 0, 'data-max': 100000}),
          el('label', {for: p + '-reliefUnit', class: 'visually-hidden'}, 'Unit of the relief duration'),
          select(p + '-reliefUnit', UNITS, null, 'reliefUnit'))),
      field('What the record says (optional)', textInput(p + '-note', 'note', {maxlength: 2000}), null, 'wide')),
    el('fieldset', {class: 'subpanel'}, el('legend', {}, 'Functional improvement after it'), functional));
    $('#procedure-rows').append(row);
    numberCards('#procedure-rows .procedure', 'Earlier procedure');
    for (const f of ['type', 'date', 'region', 'levels', 'reliefPercent', 'note']) {
      if (d[f] !== undefined) $('[data-field=' + f + ']', row).value = String(d[f]);
    }
    if (d.reliefDuration) {
      $('[data-field=reliefValue]', row).value = String(d.reliefDuration.value);
      $('[data-field=reliefUnit]', row).value = d.reliefDuration.unit;
    }
    for (const fact of $$('.fact', functional)) {
      writeFact(fact, d.functionalChange ? d.functionalChange[fact.dataset.fact] : null);
    }
    return row;
  }

  function numberCards(selector, name) {
    $$(selector).forEach((card, i) => {
      $('.card-title', card).textContent = name + ' ' + (i + 1);
      $('.remove', card).setAttribute('aria-label', 'Remove ' + name.toLowerCase() + ' ' + (i + 1));
    });
  }

  // ---------------------------------------------------------------- form <-> case file

  // A number where the field holds one; anything else goes as typed, and the server names the field.
  function numberOrText(v) {
    const t = v.trim();
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  }

  function toCaseFile() {
    const paths = new Map();
    const put = (obj, key, control, value, path) => {
      paths.set(path, control);
      control.dataset.path = path;
      if (value !== '' && value !== null && value !== undefined) obj[key] = value;
    };
    const c = {};
    for (const f of ['caseId', 'jurisdiction', 'requestDate', 'injuryDate', 'odgEdition']) {
      const control = document.getElementById(f);
      if (control.closest('.field').hidden) continue;
      put(c, f, control, control.value.trim(), '$.' + f);
    }
    c.items = [];
    $$('#items .item').forEach((card, i) => {
      const item = {id: card.dataset.itemId};
      paths.set('$.items[' + i + ']', card);
      paths.set('$.items[' + i + '].id', card);
      for (const control of $$('[data-field]', card)) {
        if (control.closest('.field').hidden) continue;
        const f = control.dataset.field;
        let v = control.value.trim();
        if (['sessions', 'visits'].includes(f)) v = v ? numberOrText(v) : '';
        if (f === 'repeat') v = v === '' ? '' : v === 'true';
        put(item, f, control, v, '$.items[' + i + '].' + f);
      }
      c.items.push(item);
    });
    const clinical = readFacts('#clinical-facts', '$.clinical', paths);
    if (Object.keys(clinical).length) c.clinical = clinical;
    const care = [];
    $$('#care-fields:not([hidden]) #care-rows .care').forEach((row, i) => {
      const entry = {};
      for (const control of $$('[data-field]', row)) {
        const f = control.dataset.field;
        let v = control.value.trim();
        if (f === 'weeks' || f === 'visits') v = v ? numberOrText(v) : '';
        put(entry, f, control, v, '$.conservativeCare[' + i + '].' + f);
      }
      paths.set('$.conservativeCare[' + i + ']', row);
      care.push(entry);
    });
    if (care.length) c.conservativeCare = care;
    const procs = [];
    $$('#procedure-fields:not([hidden]) #procedure-rows .procedure').forEach((row, i) => {
      const base = '$.priorProcedures[' + i + ']';
      const entry = {};
      paths.set(base, row);
      for (const f of ['type', 'date', 'region', 'levels', 'reliefPercent', 'note']) {
        const control = $('[data-field=' + f + ']', row);
        let v = control.value.trim();
        if (f === 'reliefPercent') v = v ? numberOrText(v) : '';
        put(entry, f, control, v, base + '.' + f);
      }
      const value = $('[data-field=reliefValue]', row);
      paths.set(base + '.reliefDuration', value);
      paths.set(base + '.reliefDuration.value', value);
      value.dataset.path = base + '.reliefDuration.value';
      if (value.value.trim()) {
        entry.reliefDuration = {value: numberOrText(value.value), unit: $('[data-field=reliefUnit]', row).value};
      }
      const functional = readFacts(row, base + '.functionalChange', paths);
      if (Object.keys(functional).length) entry.functionalChange = functional;
      procs.push(entry);
    });
    if (procs.length) c.priorProcedures = procs;
    const plan = readFacts('#plan-facts', '$.plan', paths);
    if (Object.keys(plan).length) c.plan = plan;
    return {caseFile: c, paths};
  }

  function readFacts(container, base, paths) {
    const out = {};
    const root = typeof container === 'string' ? $(container) : container;
    for (const row of $$('.fact', root)) {
      if (row.hidden) continue;
      const path = base + '.' + row.dataset.fact;
      paths.set(path, row);
      paths.set(path + '.status', row);
      row.dataset.path = path;
      const fact = readFact(row);
      if (fact) out[row.dataset.fact] = fact;
    }
    return out;
  }

  function fromCaseFile(c) {
    resetForm(false);
    for (const f of ['caseId', 'jurisdiction', 'requestDate', 'injuryDate', 'odgEdition']) {
      const control = document.getElementById(f);
      if (c[f] === undefined) continue;
      if (control.tagName === 'SELECT' && !$$('option', control).some(o => o.value === String(c[f]))) {
        control.append(el('option', {value: String(c[f])}, String(c[f])));
      }
      control.value = String(c[f]);
    }
    $('#items').replaceChildren();
    nextItemId = 1;
    for (const item of (Array.isArray(c.items) ? c.items : [])) addItem(item);
    if (!$$('#items .item').length) addItem();
    for (const row of $$('#clinical-facts .fact')) writeFact(row, c.clinical ? c.clinical[row.dataset.fact] : null);
    for (const row of $$('#plan-facts .fact')) writeFact(row, c.plan ? c.plan[row.dataset.fact] : null);
    for (const care of (c.conservativeCare || [])) addCare(care);
    for (const proc of (c.priorProcedures || [])) addProcedure(proc);
    refreshItems();
  }

  function resetForm(withFirstItem) {
    $('#case-form').reset();
    $('#items').replaceChildren();
    $('#care-rows').replaceChildren();
    $('#procedure-rows').replaceChildren();
    for (const row of $$('#case-form .fact')) writeFact(row, null);
    clearFieldErrors();
    nextItemId = 1;
    if (withFirstItem) addItem();
  }

  // ---------------------------------------------------------------- checking the form before it is sent

  /** Problems the form can see itself, in plain words, each with its control: nothing invalid is sent or saved. */
  function formProblems() {
    const out = [];
    if (!$('#caseId').value.trim()) out.push([$('#caseId'), 'Give a case or claim reference.']);
    for (const id of ['requestDate', 'injuryDate']) {
      const c = document.getElementById(id);
      if (!c.closest('.field').hidden && c.value.trim() && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(c.value.trim())) {
        out.push([c, 'Write the date as YYYY-MM-DD (or YYYY-MM when the record is no more precise).']);
      }
    }
    for (const card of $$('#items .item')) {
      const service = $('[data-field=service]', card);
      if (!service.value) out.push([service, 'Choose the service requested.']);
      const primary = $('[data-field=primaryItem]', card);
      if (!primary.closest('.field').hidden && !primary.value) out.push([primary, 'Choose the procedure this service goes with.']);
    }
    for (const sel of $$('#care-fields:not([hidden]) [data-field=modality]')) {
      if (!sel.value) out.push([sel, 'Choose the care that was tried.']);
    }
    for (const sel of $$('#procedure-fields:not([hidden]) [data-field=type]')) {
      if (!sel.value) out.push([sel, 'Choose the earlier procedure.']);
    }
    for (const c of $$('#case-form [data-number]')) {
      if (c.closest('[hidden]')) continue;
      const v = c.value.trim();
      if (!v) continue;
      const integer = c.dataset.number === 'integer';
      const ok = integer ? /^\d+$/.test(v) : /^\d+(\.\d+)?$/.test(v);
      const n = Number(v);
      const min = Number(c.dataset.min);
      const max = Number(c.dataset.max);
      if (!ok || n < min || n > max || (c.dataset.field === 'number' && n === 0)) {
        out.push([c, (integer ? 'Enter a whole number' : 'Enter a number') + ' from ' + min + ' to ' + max
          + (integer ? '' : ', such as 0.5') + '.']);
      }
    }
    return out;
  }

  /** Shows the form's own problems beside their fields and in a list; true when there were any. */
  function showFormProblems() {
    clearFieldErrors();
    const problems = formProblems();
    if (!problems.length) return false;
    for (const [control, message] of problems) markField(control, message);
    const body = $('#answer-body');
    body.replaceChildren(el('div', {class: 'notice notice-error', role: 'alert'},
      el('h3', {}, problems.length === 1 ? 'One answer on the form needs fixing' : problems.length + ' answers on the form need fixing'),
      el('ul', {class: 'problems'}, problems.map(([control, message]) => el('li', {},
        el('strong', {}, labelOf(control) + ': '), message, ' ',
        el('button', {type: 'button', class: 'link', onclick: () => focusControl(control)}, 'Go to the field'))))));
    showAnswerSection();
    return true;
  }

  /** How the person knows a control: its label, with the card it is on ("Item 2 · Service"). */
  function labelOf(control) {
    const card = control.closest('.card');
    const cardTitle = card ? $('.card-title', card).textContent + ' \u00b7 ' : '';
    const label = control.labels && control.labels.length ? control.labels[0].textContent
      : (control.closest('fieldset') ? $('legend', control.closest('fieldset')).textContent : '');
    return cardTitle + label.replace(/\s*\*\s*$/, '').trim();
  }

  // ---------------------------------------------------------------- the draft: kept in this tab only

  const DRAFT = 'urcheck.draft';

  function saveDraft() {
    try {
      sessionStorage.setItem(DRAFT, JSON.stringify(toCaseFile().caseFile));
    } catch (e) {
      // Storage full or switched off: the form still works, the draft is simply not kept.
    }
  }

  function loadDraft() {
    try {
      const text = sessionStorage.getItem(DRAFT);
      return text ? JSON.parse(text) : null;
    } catch (e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- talking to the server

  let lastAnswer = null;
  let lastCase = null;

  async function check(bodyText, paths) {
    clearFieldErrors();
    setBusy(true);
    try {
      const res = await fetch('/v1/check', {
        method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'}, body: bodyText
      });
      const type = res.headers.get('Content-Type') || '';
      const data = type.includes('json') ? await res.json() : null;
      if (res.ok && data) {
        lastAnswer = data;
        lastCase = bodyText;
        renderAnswer(data);
      } else if (data && data.status) {
        lastAnswer = null;
        renderProblem(data, paths);
      } else {
        renderProblem({title: 'The server did not answer as expected', detail: 'HTTP ' + res.status + '.'}, paths);
      }
    } catch (e) {
      renderProblem({title: 'The server could not be reached', detail: 'Is urcheck serve still running? (' + e.message + ')'}, paths);
    } finally {
      setBusy(false);
    }
  }

  function setBusy(busy) {
    for (const b of $$('#check-form, #check-json')) {
      b.disabled = busy;
      b.setAttribute('aria-busy', busy ? 'true' : 'false');
    }
    document.body.classList.toggle('busy', busy);
  }

  // ---------------------------------------------------------------- showing the answer

  function showAnswerSection() {
    const section = $('#answer');
    section.hidden = false;
    section.focus();
    section.scrollIntoView({block: 'start'});
  }

  /** Whether an associated service only follows its primary: same outcome, nothing of its own deciding. */
  function follows(it, byId) {
    const primary = it.primaryItem ? byId[it.primaryItem] : null;
    if (!primary || primary.outcome !== it.outcome) return false;
    const own = (it.criteria || []).filter(c => c.id !== 'ASSOC-PRIMARY');
    return own.every(c => c.status === 'MET' || c.status === 'NOT_APPLICABLE')
      && (it.decidedBy || []).every(c => c.id === 'ASSOC-PRIMARY');
  }

  /** The one thing to do about an item, in words. */
  function oneThing(it, byId) {
    const by = it.decidedBy || [];
    const more = by.length > 1 ? ' (and ' + (by.length - 1) + ' more below)' : '';
    if (follows(it, byId)) return 'Follows item ' + it.primaryItem + ': decide that item and this one goes with it.';
    switch (it.outcome) {
      case 'CRITERIA_MET': return 'May be approved: the criteria that decide are met.';
      case 'CRITERIA_NOT_MET': return 'Refer to a physician reviewer: ' + (by.length ? by[0].id + ' is not met. ' + by[0].finding : 'a criterion is not met.') + more;
      case 'INFORMATION_NEEDED': return 'Ask the provider for: ' + (by.length ? by[0].document + ' (' + by[0].id + ')' : 'the documentation listed below.') + more;
      default: return 'A physician reviewer decides it against the applicable guideline.';
    }
  }

  function renderAnswer(a) {
    const items = a.items || [];
    const byId = {};
    for (const it of items) byId[it.id] = it;
    const counts = {};
    for (const it of items) counts[it.outcome] = (counts[it.outcome] || 0) + 1;
    const summaryParts = Object.keys(OUTCOMES).filter(d => counts[d])
      .map(d => counts[d] + ' ' + OUTCOMES[d][0].toLowerCase());
    const primariesFirst = items.filter(it => !it.primaryItem).concat(items.filter(it => it.primaryItem));
    const body = $('#answer-body');
    body.replaceChildren(
      el('div', {class: 'answer-summary'},
        el('dl', {class: 'case-facts'},
          el('div', {}, el('dt', {}, 'Case'), el('dd', {}, a.caseId || '')),
          el('div', {}, el('dt', {}, 'Jurisdiction'), el('dd', {}, title(a.jurisdiction))),
          el('div', {}, el('dt', {}, 'ODG edition'), el('dd', {}, a.odgEdition || '')),
          el('div', {}, el('dt', {}, 'Checked'), el('dd', {}, new Date().toLocaleString() + ' \u00b7 urcheck ' + (a.urcheckVersion || '')))),
        el('p', {class: 'tally'}, items.length + (items.length === 1 ? ' item: ' : ' items: ') + summaryParts.join(', ') + '.'),
        el('ul', {class: 'at-a-glance', 'data-role': 'at-a-glance'}, primariesFirst.map(it => {
          const o = OUTCOMES[it.outcome] || [it.outcome, 'neutral'];
          return el('li', {'data-item-id': it.id},
            el('a', {href: '#answer-item-' + it.id}, 'Item ' + it.id), ' ',
            el('span', {class: 'badge ' + o[1]}, o[0]), ' ', el('span', {class: 'one-thing'}, oneThing(it, byId)));
        })),
        el('div', {class: 'actions no-print'},
          el('button', {type: 'button', id: 'print-answer', onclick: () => window.print()}, 'Print'),
          el('button', {type: 'button', id: 'download-answer',
            onclick: () => download((a.caseId || 'answer') + '.answer.json', JSON.stringify(a, null, 2) + '\n')},
          'Download the answer (JSON)'))),
      ...items.map(it => renderItem(it, byId)));
    showAnswerSection();
  }

  function renderItem(it, byId) {
    const det = DETERMINATIONS[it.determination] || [it.determination, '', 'neutral'];
    const o = OUTCOMES[it.outcome] || [it.outcome, 'neutral'];
    const follower = follows(it, byId);
    const g = it.guideline || {};
    const criteria = it.criteria || [];
    const docs = it.documentationNeeded || [];
    const details = [];
    if (it.service) details.push(['Service', SERVICE_LABELS[it.service.toLowerCase()] || title(it.service)]);
    if (it.region) details.push(['Region', title(it.region)]);
    if (it.levels) {
      details.push(['Levels', (it.levels.asWritten || '') + (it.levels.readAs ? ' \u2192 read as ' + it.levels.readAs : '')
        + (it.levels.ambiguous ? ' (ambiguous: state the joints)' : '')]);
    }
    if (it.laterality) details.push(['Side', title(it.laterality)]);
    if (it.sessions) details.push(['Procedures', String(it.sessions)]);
    if (it.visits) details.push(['Visits', String(it.visits)]);
    if (it.primaryItem) details.push(['Goes with', el('a', {href: '#answer-item-' + it.primaryItem}, 'item ' + it.primaryItem)]);
    const head = el('header', {class: 'item-head ' + o[1]},
      el('h3', {id: 'answer-item-' + it.id + '-title'}, 'Item ' + it.id + (it.request ? ': ' + it.request : '')),
      el('p', {class: 'verdict'},
        el('span', {class: 'verdict-label', 'data-role': 'outcome'}, o[0])),
      el('p', {class: 'one-thing', 'data-role': 'one-thing'}, el('strong', {}, 'What to do: '), oneThing(it, byId)),
      follower ? null : el('p', {class: 'imr'}, 'Determination on the record as it stands: ',
        el('strong', {'data-role': 'determination'}, det[0])),
      follower ? null : it.imrPrediction ? el('p', {class: 'imr', 'data-role': 'imr'}, 'Likely IMR outcome if denied and appealed: ',
        el('strong', {}, IMR[it.imrPrediction] || it.imrPrediction))
        : el('p', {class: 'imr', 'data-role': 'imr'}, 'Likely IMR outcome: not predicted, as no criteria urcheck knows apply.'),
      it.workflow && !follower ? el('p', {class: 'imr', 'data-role': 'workflow'}, 'Next step: ',
        el('strong', {}, ACTIONS[it.workflow.action] || it.workflow.action),
        it.workflow.reasons && it.workflow.reasons.length ? ' \u2014 ' + it.workflow.reasons.join(' ') : '') : null);
    const attrs = {class: 'item-answer' + (follower ? ' follower' : ''), id: 'answer-item-' + it.id, 'data-item-id': it.id,
      'data-determination': it.determination, 'data-outcome': it.outcome, 'aria-labelledby': 'answer-item-' + it.id + '-title'};
    if (follower) {
      // A service that only follows its primary: its one criterion, nothing repeated from the primary.
      return el('article', attrs, head, criteria.length ? el('section', {class: 'criteria'}, el('h4', {}, 'Criteria'),
        criteriaTable(it, criteria)) : null);
    }
    return el('article', attrs, head,
    details.length ? el('dl', {class: 'item-details'}, details.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v)))) : null,
    el('section', {class: 'guideline'},
      el('h4', {}, 'Governing guideline'),
      g.source ? el('p', {class: 'guideline-name', 'data-role': 'guideline'},
        el('strong', {}, g.source), [g.chapter, g.section].filter(Boolean).map(x => ' \u00b7 ' + x)) : el('p', {}, 'None of the guidelines urcheck knows addresses this request.'),
      g.edition ? el('p', {class: 'muted'}, 'Edition: ' + g.edition) : null,
      g.why ? el('p', {}, el('strong', {}, 'Why this guideline: '), g.why) : null,
      g.position ? el('p', {}, el('strong', {}, 'Its position: '), g.position) : null),
    criteria.length ? el('section', {class: 'criteria'},
      el('h4', {}, 'Criteria'), criteriaTable(it, criteria)) : null,
    it.outcome === 'CRITERIA_NOT_MET' && !docs.length ? null : el('section', {class: 'todo'},
      // After a stop, documentation will not change the outcome: the list says so rather than ask for it.
      el('h4', {}, it.outcome === 'CRITERIA_NOT_MET' ? 'Also not documented (would not change the outcome)' : 'What to document'),
      docs.length ? el('ul', {class: 'checklist'}, docs.map((d, i) => {
        const m = /^([A-Z0-9-]+): ([\s\S]*)$/.exec(d);
        const id = 'doc-' + it.id + '-' + i;
        return el('li', {},
          el('input', {type: 'checkbox', id}),
          el('label', {for: id}, m ? [m[2], ' ', el('span', {class: 'muted'}, '(' + m[1] + ')')] : d));
      })) : el('p', {class: 'muted'}, it.primaryItem
        ? 'Nothing of its own: it follows item ' + it.primaryItem + '; see what that item needs.'
        : criteria.some(c => c.status === 'NOT_MET')
          ? 'Nothing is missing from the record for these criteria: the item fails on what the record does document.'
          : 'Nothing is missing from the record for these criteria.')),
    it.rationale ? el('section', {class: 'rationale'}, el('h4', {}, 'Rationale'), el('p', {}, it.rationale)) : null);
  }

  function criteriaTable(it, criteria) {
    return el('table', {},
      el('caption', {class: 'visually-hidden'}, 'Criteria for item ' + it.id),
      el('thead', {}, el('tr', {},
        el('th', {scope: 'col'}, 'Status'), el('th', {scope: 'col'}, 'Criterion'),
        el('th', {scope: 'col'}, 'What the record shows'), el('th', {scope: 'col'}, 'Source'))),
      el('tbody', {}, criteria.map(renderCriterion)));
  }

  function renderCriterion(c) {
    const st = STATUSES[c.status] || [c.status, '', 'neutral'];
    return el('tr', {'data-criterion-id': c.id, 'data-status': c.status, class: 'status-' + st[2]},
      el('td', {class: 'status-cell', 'data-label': 'Status'}, el('span', {class: 'status ' + st[2]},
        el('span', {class: 'status-icon', 'aria-hidden': 'true'}, st[1]), ' ', st[0])),
      el('td', {'data-label': 'Criterion'}, el('span', {class: 'criterion-text'}, c.text || ''),
        el('span', {class: 'criterion-id'}, c.id + (c.kind ? ' \u00b7 ' + (KINDS[c.kind] || c.kind) : ''))),
      el('td', {'data-label': 'What the record shows'}, c.finding ? el('p', {class: 'finding'}, c.finding) : null,
        (c.facts && c.facts.length) ? el('ul', {class: 'facts-used'}, c.facts.map(f => el('li', {}, f))) : null,
        c.citation ? el('p', {class: 'print-citation'}, c.citation) : null),
      el('td', {class: 'citation', 'data-label': 'Source'}, c.citation || ''));
  }

  function renderProblem(p, paths) {
    const errors = Array.isArray(p.errors) ? p.errors : [];
    const body = $('#answer-body');
    const list = errors.length ? el('ul', {class: 'problems'}, errors.map(e => {
      const target = paths ? findControl(paths, e.path) : null;
      if (target) markField(target, e.message);
      // A case file pasted or uploaded is read by its paths; the form's own fields are named by their labels.
      return el('li', {},
        paths ? el('strong', {}, (target ? labelOf(target.matches('input, select, textarea') ? target
          : ($('input, select, textarea', target) || target)) : 'The request') + ': ') : el('code', {}, e.path), ' ',
        e.message, ' ',
        target ? el('button', {type: 'button', class: 'link', onclick: () => focusControl(target)}, 'Go to the field') : null);
    })) : null;
    body.replaceChildren(el('div', {class: 'notice notice-error', role: 'alert'},
      el('h3', {}, p.title || 'The request could not be checked'),
      p.detail ? el('p', {}, p.detail) : null, list));
    showAnswerSection();
  }

  function findControl(paths, path) {
    let p = path;
    while (p) {
      if (paths.has(p)) return paths.get(p);
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 1) return null;
      p = p.slice(0, cut);
    }
    return null;
  }

  function markField(target, message) {
    const box = target.closest('.field') || target;
    box.classList.add('has-error');
    const focusable = target.matches('input, select, textarea') ? target : $('input, select, textarea', target);
    if (focusable) focusable.setAttribute('aria-invalid', 'true');
    const msg = el('p', {class: 'field-error', id: newId('err')}, message);
    box.append(msg);
    if (focusable) {
      const ids = (focusable.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      ids.push(msg.id);
      focusable.setAttribute('aria-describedby', ids.join(' '));
    }
  }

  function focusControl(target) {
    const details = target.closest('details');
    if (details) details.open = true;
    const focusable = target.matches('input, select, textarea') ? target : $('input, select, textarea', target);
    (focusable || target).focus();
  }

  function clearFieldErrors() {
    for (const m of $$('.field-error')) {
      const id = m.id;
      for (const c of $$('[aria-describedby~="' + id + '"]')) {
        c.setAttribute('aria-describedby', c.getAttribute('aria-describedby').split(' ').filter(x => x !== id).join(' '));
      }
      m.remove();
    }
    for (const b of $$('.has-error')) b.classList.remove('has-error');
    for (const c of $$('[aria-invalid]')) c.removeAttribute('aria-invalid');
  }

  function title(s) {
    if (!s) return '';
    const t = String(s).toLowerCase().replace(/_/g, ' ');
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
    const a = el('a', {href: url, download: name.replace(/[^\w.-]+/g, '_'), class: 'visually-hidden'});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---------------------------------------------------------------- reading a note (POST /v1/extract)

  async function readNote(body, type) {
    const status = $('#note-status');
    status.replaceChildren(el('p', {class: 'hint'}, 'Reading the note\u2026'));
    let res;
    try {
      res = await fetch('/v1/extract', {method: 'POST', headers: {'Content-Type': type, Accept: 'application/json'}, body});
    } catch (e) {
      status.replaceChildren(el('p', {class: 'notice notice-error', role: 'alert'}, 'The server could not be reached.'));
      return;
    }
    const data = (res.headers.get('Content-Type') || '').includes('json') ? await res.json() : null;
    if (!res.ok || !data) {
      status.replaceChildren(el('div', {class: 'notice notice-error', role: 'alert'},
        el('h3', {}, (data && data.title) || 'The note could not be read'), data && data.detail ? el('p', {}, data.detail) : null));
      return;
    }
    fromCaseFile(data);
    showEvidence(data);
  }

  /** Puts each fact's quote under the field it filled; lists what was read but has no field, and what was not found. */
  function showEvidence(draft) {
    for (const q of $$('.quote')) q.remove();
    const {paths} = toCaseFile();
    const ex = draft.extraction || {};
    const elsewhere = [];
    let placed = 0;
    for (const e of (ex.evidence || [])) {
      if (!e.quote) continue;
      const quote = el('p', {class: 'quote' + (e.needsReview ? ' review' : ''), 'data-quote-for': e.path},
        '\u201c' + e.quote + '\u201d', e.needsReview ? el('span', {class: 'why'}, ' Check this: ' + e.why) : null);
      const target = findControl(paths, e.path);
      if (target && (target.closest('.field') || target.matches('.fact, .item, .care, .procedure'))) {
        (target.matches('.fact, .item, .care, .procedure') ? target : target.closest('.field')).append(quote);
        placed++;
      } else {
        elsewhere.push(el('li', {}, el('code', {}, e.path), ' = ' + e.value + ' ', quote));
      }
    }
    const notFound = (ex.notFound || []).map(p => el('li', {}, el('code', {}, p)));
    $('#note-status').replaceChildren(el('div', {class: 'note-summary'},
      el('p', {}, 'Read into the form: ' + placed + ' field(s), each with the sentence it came from. Check them, correct what is wrong, then check the request.'),
      elsewhere.length ? el('div', {}, el('p', {}, 'Read, but the form has no field for it:'), el('ul', {class: 'read-elsewhere'}, elsewhere)) : null,
      notFound.length ? el('div', {}, el('p', {}, 'Not found in the note (left as not documented):'), el('ul', {class: 'not-found'}, notFound)) : null));
  }

  // ---------------------------------------------------------------- start

  const schemaEnums = {};
  let functionalKeys = ['workStatusImproved', 'adlImproved', 'medicationReduced', 'painScaleRecorded'];

  async function getJson(url) {
    try {
      const res = await fetch(url, {headers: {Accept: 'application/json'}});
      return res.ok ? await res.json() : null;
    } catch (e) {
      return null;
    }
  }

  async function start() {
    const [schema, health, questions, catalogue] = await Promise.all([getJson('/v1/schema/case-file.json'),
      getJson('/health'), getJson('/questions.json'), getJson('/v1/criteria')]);
    if (questions) QUESTIONS = questions;
    for (const section of (catalogue && catalogue.sections) || []) {
      for (const c of section.criteria) SECTION_OF[c.id] = section.id;
    }
    // The form follows the published schema: a fact added there appears here, with the schema's wording.
    let clinicalKeys = ['radicularSymptoms', 'radiculopathyOnElectrodiagnostics', 'spinalStenosis', 'priorFusion',
      'surgeryPlanned', 'facetTenderness', 'axialPain', 'painfulOrLimitedExtensionRotation', 'imagingFacetFindings',
      'extremeAnxiety'];
    let planKeys = ['activeTherapy', 'sedation'];
    if (schema) {
      const props = schema.properties || {};
      const defs = schema.$defs || {};
      clinicalKeys = factKeys(props.clinical, clinicalKeys);
      planKeys = factKeys(props.plan, planKeys);
      const fc = defs.procedure && defs.procedure.properties && defs.procedure.properties.functionalChange;
      functionalKeys = factKeys(fc, functionalKeys);
      if (defs.item && defs.item.properties && defs.item.properties.service) schemaEnums.service = defs.item.properties.service.enum;
      for (const group of [props.clinical, props.plan, fc]) {
        for (const [k, v] of Object.entries((group && group.properties) || {})) {
          // The schema says which questions are numbers: those get a number box, with the schema's bounds.
          if (v.type === 'number' || v.type === 'integer') {
            NUMBER_FACTS[k] = {label: (QUESTIONS.questions['plan.' + k] || QUESTIONS.questions['clinical.' + k] || {}).label
              || (v.description || k).replace(/\.$/, ''), hint: v.description || '', min: v.exclusiveMinimum !== undefined
              ? v.exclusiveMinimum : (v.minimum || 0), max: v.maximum || 1000};
          } else if (v.type === 'array') {
            continue;
          } else if (!FACTS[k]) {
            FACTS[k] = [(v.description || k).replace(/\.$/, ''), ''];
          }
        }
      }
      clinicalKeys = clinicalKeys.filter(k => (props.clinical.properties[k] || {}).type !== 'array');
    }
    $('#clinical-facts').replaceChildren(...clinicalKeys.map(k => factRow(k, 'clinical', 'clinical')));
    $('#plan-facts').replaceChildren(...planKeys.map(k => factRow(k, 'plan', 'plan')));
    if (health && health.knowledgeBase) {
      const kb = health.knowledgeBase;
      const sel = $('#odgEdition');
      sel.firstElementChild.textContent = 'Default (' + kb.defaultOdgEdition + ')';
      for (const [id, description] of Object.entries(kb.odgEditions || {})) {
        sel.append(el('option', {value: id, title: description}, id));
      }
      $('#version').textContent = health.urcheckVersion || '';
    }
    const draft = loadDraft();
    if (draft) fromCaseFile(draft);
    else addItem();
    applyQuestions();

    // The draft is kept as it is typed, in this tab's storage only (gone when the tab closes; never sent).
    $('#case-form').addEventListener('input', saveDraft);
    $('#case-form').addEventListener('change', saveDraft);
    $('#case-form').addEventListener('click', e => { if (e.target.matches('button.remove')) saveDraft(); });

    $('#add-item').addEventListener('click', () => {
      const card = addItem();
      $('[data-field=service]', card).focus();
    });
    $('#items').addEventListener('input', e => { if (e.target.dataset.field === 'request') refreshItems(); });
    $('#items').addEventListener('change', e => { if (e.target.dataset.field === 'service') refreshItems(); });
    $('#add-care').addEventListener('click', () => $('[data-field=modality]', addCare()).focus());
    $('#add-procedure').addEventListener('click', () => $('[data-field=type]', addProcedure()).focus());
    $('#reset-form').addEventListener('click', () => {
      if (!window.confirm('Start over? Everything on the form and the answer will be cleared.')) return;
      try { sessionStorage.removeItem(DRAFT); } catch (e) { /* nothing kept */ }
      resetForm(true);
      applyQuestions();
      $('#answer').hidden = true;
      $('#caseId').focus();
    });
    $('#case-form').addEventListener('submit', e => {
      e.preventDefault();
      if (showFormProblems()) return;
      const {caseFile, paths} = toCaseFile();
      check(JSON.stringify(caseFile, null, 2), paths);
    });
    $('#download-case').addEventListener('click', () => {
      // A case file that would not check is not saved: the form says what to fix instead.
      if (showFormProblems()) return;
      const {caseFile} = toCaseFile();
      download((caseFile.caseId || 'case') + '.json', JSON.stringify(caseFile, null, 2) + '\n');
    });
    $('#case-file-input').addEventListener('change', async e => {
      const file = e.target.files && e.target.files[0];
      if (!file) return;
      $('#case-json').value = await file.text();
      $('#case-file-status').textContent = 'Read ' + file.name + ' (' + file.size + ' bytes). Check it, or load it into the form.';
    });
    $('#note-form').addEventListener('submit', e => {
      e.preventDefault();
      const file = $('#note-file').files && $('#note-file').files[0];
      if (file) {
        readNote(file, file.type === 'application/pdf' || /\.pdf$/i.test(file.name) ? 'application/pdf' : 'text/plain');
      } else {
        readNote($('#note-text').value, 'text/plain; charset=utf-8');
      }
    });
    $('#note-text').addEventListener('dragover', e => e.preventDefault());
    $('#note-text').addEventListener('drop', e => {
      const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (!file) return;
      e.preventDefault();
      readNote(file, file.type === 'application/pdf' || /\.pdf$/i.test(file.name) ? 'application/pdf' : 'text/plain');
    });
    $('#file-form').addEventListener('submit', e => {
      e.preventDefault();
      check($('#case-json').value, null);
    });
    $('#load-json').addEventListener('click', () => {
      let parsed;
      try {
        parsed = JSON.parse($('#case-json').value);
      } catch (err) {
        renderProblem({title: 'This is not JSON the form can read', detail: err.message}, null);
        return;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        renderProblem({title: 'This is not a case file', detail: 'A case file is one JSON object.'}, null);
        return;
      }
      fromCaseFile(parsed);
      $('#file-panel').open = false;
      $('#caseId').focus();
    });
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', start);
})();
