'use strict';
// The sandbox chat: draws one person's chat with the bot from /sandbox/api/chats/<id> (polled,
// redrawn when its version moves) and sends what they type or tap, which the fake Bot API turns
// into Telegram updates for the store's webhook.

const state = { people: [], current: null, version: -1, seen: {}, toastSeq: {}, replyTo: null };
const $ = (id) => document.getElementById(id);

async function api(path, body) {
  const init = body === undefined ? {} :
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(path, init);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.description || ('HTTP ' + response.status));
  return json;
}

// --- people ----------------------------------------------------------------------------------

async function loadPeople() {
  state.people = await api('/sandbox/api/chats');
  for (const person of state.people) {
    if (!(person.id in state.seen)) state.seen[person.id] = person.version;
  }
  const wanted = Number(location.hash.slice(1));
  choose(state.people.find((p) => p.id === wanted) || state.current || state.people[0]);
  setInterval(refreshPeople, 1500);
}

async function refreshPeople() {
  try {
    state.people = await api('/sandbox/api/chats');
    drawPeople();
  } catch (e) { /* the chat poll reports an unreachable sandbox */ }
}

function drawPeople() {
  const nav = $('people');
  nav.replaceChildren();
  for (const person of state.people) {
    const button = document.createElement('button');
    button.id = 'person-' + person.id;
    button.textContent = person.name + (person.operator ? ' (operator)' : '');
    button.title = 'Telegram user ' + person.id + ' @' + person.username + ', language ' + person.language;
    if (state.current && person.id === state.current.id) button.className = 'active';
    const unread = person.version > (state.seen[person.id] ?? 0) && !(state.current && person.id === state.current.id);
    if (unread) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = 'new';
      button.append(badge);
    }
    button.onclick = () => choose(person);
    nav.append(button);
  }
}

function choose(person) {
  state.current = person;
  state.version = -1;
  state.replyTo = null;
  location.hash = String(person.id);
  $('chat-subtitle').textContent = 'bot · you are ' + person.name + (person.operator ? ', a store operator (ADMIN_IDS)' : '');
  drawReplying();
  drawPeople();
  $('messages').replaceChildren();
  refresh();
}

// --- the chat --------------------------------------------------------------------------------

async function refresh() {
  const person = state.current;
  try {
    const view = await api('/sandbox/api/chats/' + person.id);
    if (person !== state.current) return; // switched while this was in flight
    const firstLook = state.version === -1;
    if (view.version !== state.version) {
      state.version = view.version;
      draw(view, firstLook);
    }
    state.seen[person.id] = view.version;
    toasts(person.id, view.toasts, firstLook);
    $('error').hidden = true;
  } catch (e) {
    showError('The sandbox did not answer (' + e.message + '). Is deploy/local/up.sh still running?');
  }
}

function draw(view, firstLook) {
  const box = $('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
  box.replaceChildren(...view.messages.map(message));
  if (firstLook || atBottom) box.scrollTop = box.scrollHeight;
  $('start-box').hidden = view.messages.length > 0;
  drawReplyKeyboard(view.reply_keyboard);
}

function message(m) {
  const row = document.createElement('div');
  row.className = 'row' + (m.out ? ' out' : '');
  row.dataset.id = m.id;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  if (m.forwarded) bubble.append(div('forwarded', 'Forwarded message'));
  if (m.reply_to) bubble.append(div('quote', m.reply_to.text || 'message'));
  if (m.kind === 'photo') {
    if (m.file) {
      const img = document.createElement('img');
      img.className = 'photo';
      img.src = m.file;
      img.alt = 'photo';
      img.onload = () => { const box = $('messages'); if (box.scrollHeight - box.scrollTop - box.clientHeight < img.height + 80) box.scrollTop = box.scrollHeight; };
      bubble.append(img);
    } else {
      bubble.append(div('sticker', '🖼 photo ' + (m.file_id || '')));
    }
  } else if (m.kind === 'document') {
    const link = document.createElement('a');
    link.className = 'document';
    link.href = m.file || '#';
    link.target = '_blank';
    link.append(div('icon', '📄'));
    const label = document.createElement('div');
    label.append(div('name', m.file_name || 'document'), div('size', m.file_size ? kilobytes(m.file_size) : m.file_id || ''));
    link.append(label);
    bubble.append(link);
  } else if (m.kind === 'sticker') {
    const sticker = div('sticker', '✨ Sticker');
    sticker.title = 'Telegram shows the sticker with file id ' + (m.file_id || '?') + '; the sandbox has no copy of it';
    bubble.append(sticker);
  }
  if (m.text) {
    const text = document.createElement('div');
    text.className = 'text';
    text.append(formatted(m.text, m.parse_mode));
    bubble.append(text);
  }
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = (m.edited ? 'edited ' : '') + clock(m.date);
  if (!m.out) {
    const reply = document.createElement('a');
    reply.href = '#';
    reply.className = 'reply';
    reply.title = 'Reply to this message';
    reply.textContent = ' ↩';
    reply.onclick = (e) => { e.preventDefault(); state.replyTo = m; drawReplying(); $('input').focus(); };
    meta.append(reply);
  }
  bubble.append(meta);
  row.append(bubble);
  if (m.inline_keyboard) row.append(inlineKeyboard(m));
  return row;
}

function inlineKeyboard(m) {
  const keyboard = div('inline-keyboard');
  for (const buttons of m.inline_keyboard) {
    const row = div('kb-row');
    for (const b of buttons) {
      let element;
      if (b.url) {
        element = document.createElement('a');
        if (/^(https?|tg):/i.test(b.url)) element.href = b.url;
        element.target = '_blank';
        element.rel = 'noopener';
      } else {
        element = document.createElement('button');
        if (b.callback_data !== undefined) {
          element.onclick = () => tap(m.id, b.callback_data, element);
        } else {
          element.disabled = true;
          element.title = 'The sandbox only imitates callback and URL buttons';
        }
      }
      element.textContent = b.text;
      row.append(element);
    }
    keyboard.append(row);
  }
  return keyboard;
}

function drawReplyKeyboard(markup) {
  const box = $('reply-keyboard');
  box.replaceChildren();
  box.hidden = !markup || !markup.keyboard;
  if (box.hidden) return;
  for (const buttons of markup.keyboard) {
    const row = div('kb-row');
    for (const b of buttons) {
      const label = typeof b === 'string' ? b : b.text;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.onclick = () => send(label);
      row.append(button);
    }
    box.append(row);
  }
}

function drawReplying() {
  $('replying').hidden = !state.replyTo;
  $('replying-text').textContent = state.replyTo ? 'Reply to: ' + (state.replyTo.text || state.replyTo.kind) : '';
}

// --- what the person does --------------------------------------------------------------------

async function send(text) {
  const replyTo = state.replyTo;
  try {
    await api('/sandbox/api/chats/' + state.current.id + '/messages', { text, reply_to: replyTo ? replyTo.id : null });
    state.replyTo = null;
    drawReplying();
    refresh();
  } catch (e) {
    showError('Not sent: ' + e.message);
  }
}

async function tap(messageId, data, button) {
  button.classList.add('busy');
  try {
    await api('/sandbox/api/chats/' + state.current.id + '/taps', { message_id: messageId, data });
    refresh();
  } catch (e) {
    button.classList.remove('busy');
    showError('Tap not delivered: ' + e.message);
  }
}

function toasts(personId, list, firstLook) {
  const last = Math.max(0, ...list.map((t) => t.seq));
  if (firstLook) { state.toastSeq[personId] = last; return; } // old toasts were shown long ago
  for (const toast of list) {
    if (toast.seq > (state.toastSeq[personId] ?? 0)) showToast(toast);
  }
  state.toastSeq[personId] = Math.max(state.toastSeq[personId] ?? 0, last);
}

function showToast(toast) {
  const box = $('toast');
  box.textContent = toast.text;
  box.className = toast.alert ? 'alert' : '';
  box.hidden = false;
  clearTimeout(showToast.timer);
  if (toast.alert) box.onclick = () => { box.hidden = true; };
  else showToast.timer = setTimeout(() => { box.hidden = true; }, 2500);
}

function showError(text) {
  $('error').textContent = text;
  $('error').hidden = false;
}

// --- Telegram's formatting -------------------------------------------------------------------

function formatted(text, mode) {
  if (mode === 'HTML') return fromHtml(text);
  if (mode === 'MarkdownV2' || mode === 'Markdown') return fromHtml(markdownToHtml(text, mode === 'MarkdownV2'));
  return plain(text);
}

// The tags Telegram's HTML style allows; anything else keeps only its text.
const TAGS = { B: 'b', STRONG: 'b', I: 'i', EM: 'i', U: 'u', INS: 'u', S: 's', STRIKE: 's', DEL: 's', CODE: 'code',
  PRE: 'pre', BLOCKQUOTE: 'blockquote', A: 'a', 'TG-SPOILER': 'span', SPAN: 'span', 'TG-EMOJI': 'span' };

function fromHtml(html) {
  const parsed = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
  const out = document.createDocumentFragment();
  copyAllowed(parsed.body, out);
  return out;
}

function copyAllowed(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) { to.append(node.textContent); continue; }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const tag = TAGS[node.tagName];
    if (!tag) { copyAllowed(node, to); continue; }
    const element = document.createElement(tag);
    if (tag === 'a') {
      const href = node.getAttribute('href') || '';
      if (/^(https?:|tg:|mailto:)/i.test(href)) { element.href = href; element.target = '_blank'; element.rel = 'noopener'; }
    }
    if (node.tagName === 'TG-SPOILER' || node.classList.contains('tg-spoiler')) {
      element.className = 'spoiler';
      element.onclick = () => element.classList.add('shown');
    }
    copyAllowed(node, element);
    to.append(element);
  }
}

function markdownToHtml(text, v2) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const held = [];
  const hold = (html) => { held.push(html); return '\u0000' + (held.length - 1) + '\u0000'; };
  let s = text;
  if (v2) s = s.replace(/\\([_*[\]()~`>#+\-=|{}.!\\])/g, (_, c) => hold(escape(c)));
  s = s.replace(/```(?:[\w-]*\n)?([\s\S]*?)```/g, (_, code) => hold('<pre>' + escape(code) + '</pre>'));
  s = s.replace(/`([^`\n]+)`/g, (_, code) => hold('<code>' + escape(code) + '</code>'));
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, url) => hold('<a href="' + escape(url) + '">' + escape(label) + '</a>'));
  s = escape(s).replace(/\*([^*\n]+)\*/g, '<b>$1</b>');
  if (v2) {
    s = s.replace(/__([^_\n]+)__/g, '<u>$1</u>').replace(/~([^~\n]+)~/g, '<s>$1</s>')
      .replace(/\|\|([^|\n]+)\|\|/g, '<tg-spoiler>$1</tg-spoiler>');
  }
  s = s.replace(/_([^_\n]+)_/g, '<i>$1</i>');
  return s.replace(/\u0000(\d+)\u0000/g, (_, i) => held[Number(i)]);
}

// Plain text as Telegram shows it: links open, /commands send themselves when tapped.
function plain(text) {
  const out = document.createDocumentFragment();
  const pattern = /https?:\/\/[^\s<]*[^\s<.,;:!?)\]'"]|(?<![\w/])\/[a-z][a-z0-9_]{0,31}\b/gi;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out.append(text.slice(last, match.index));
    const word = match[0];
    const link = document.createElement('a');
    link.textContent = word;
    if (word.startsWith('/')) {
      link.href = '#';
      link.onclick = (e) => { e.preventDefault(); send(word); };
    } else {
      link.href = word;
      link.target = '_blank';
      link.rel = 'noopener';
    }
    out.append(link);
    last = match.index + word.length;
  }
  out.append(text.slice(last));
  return out;
}

// --- small helpers ---------------------------------------------------------------------------

function div(className, text) {
  const element = document.createElement('div');
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function clock(epochSeconds) {
  return new Date(epochSeconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function kilobytes(bytes) {
  return (bytes / 1024).toFixed(1) + ' KB';
}

$('send-form').onsubmit = (e) => {
  e.preventDefault();
  const text = $('input').value.trim();
  if (!text) return;
  $('input').value = '';
  send(text);
};
$('start').onclick = () => send('/start');
$('replying-cancel').onclick = () => { state.replyTo = null; drawReplying(); };
(function poll() { if (state.current) refresh(); setTimeout(poll, 400); })();
loadPeople().catch((e) => showError('The sandbox did not answer: ' + e.message));
