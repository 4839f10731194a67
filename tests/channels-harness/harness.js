'use strict';
// Drives JorgeCopilot's /api/messages with the official Bot Framework JS SDK:
//  - BotFrameworkHttpClient (the SDK's skill-host client) posts the activities, exactly as a channel or skill host would;
//  - ChannelServiceRoutes + ChannelServiceHandler (the SDK's channel-service side) receive the bot's replies on our own
//    loopback serviceUrl.
// The bot answers with its real copilot from a real store; --expect names a JSON file of what that store holds, written
// by the C# test from the host's own REST API and the database: {modelVersion, top:[{id,name}] (the ranking, best
// first), lead:{id,name} (any lead), burst:[{id,name}] (200 leads)}. The cases assert against it, so a stand-in answer
// or a reply about the wrong lead fails.
// Usage: node harness.js --bot http://127.0.0.1:5000/api/messages --expect expect.json [--mode suite|burst]
// Prints one JSON line {passed, cases:[{name, ok, detail}]} and exits 0 only when every case passed.
const http = require('http');
const { BotFrameworkHttpClient, ChannelServiceHandler, ChannelServiceRoutes } = require('botbuilder');
const { SimpleCredentialProvider, AuthenticationConfiguration } = require('botframework-connector');

const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const botUrl = arg('--bot');
const mode = arg('--mode', 'suite');
const expectFile = arg('--expect');
if (!botUrl || !expectFile) { console.error('--bot <url> and --expect <file> are required'); process.exit(2); }
const expected = JSON.parse(require('fs').readFileSync(expectFile, 'utf8'));

// Anonymous on both sides: the bot under test runs without an app id (JWT validation has its own C# tests).
const credentials = new SimpleCredentialProvider('', '');
const received = [];

class RecordingChannel extends ChannelServiceHandler {
  async onReplyToActivity(_claims, conversationId, activityId, activity) {
    received.push({ conversationId, activityId, activity });
    return { id: `r-${received.length}` };
  }
  async onSendToConversation(_claims, conversationId, activity) {
    received.push({ conversationId, activityId: activity.replyToId, activity });
    return { id: `r-${received.length}` };
  }
}

// The SDK's routes expect a restify/express-like server; this is the few lines of that contract we need.
class MiniServer {
  constructor() { this.routes = []; }
  add(method, pattern, handler) {
    const keys = [];
    const re = new RegExp('^' + pattern.replace(/:([A-Za-z]+)/g, (_, k) => { keys.push(k); return '([^/]+)'; }) + '$');
    this.routes.push({ method, re, keys, handler });
  }
  get(p, h) { this.add('GET', p, h); }
  post(p, h) { this.add('POST', p, h); }
  put(p, h) { this.add('PUT', p, h); }
  delete(p, h) { this.add('DELETE', p, h); }
  handle(req, res) {
    const path = new URL(req.url, 'http://localhost').pathname;
    for (const r of this.routes) {
      const m = r.method === req.method && r.re.exec(path);
      if (!m) continue;
      req.params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
      res.status = (code) => { res.statusCode = code; };
      res.send = (body) => { res.setHeader('Content-Type', 'application/json'); res.write(typeof body === 'string' ? body : JSON.stringify(body)); };
      r.handler(req, res, () => {});
      return;
    }
    res.statusCode = 404; res.end();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(predicate, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = predicate();
    if (found) return found;
    await sleep(20);
  }
  return predicate();
}
const repliesTo = (id, type = 'message') => received.filter((r) => r.activity.replyToId === id && r.activity.type === type);
let seq = 0;
function message(serviceUrl, conversationId, text, extra = {}) {
  seq += 1;
  return {
    type: 'message', id: `js-${process.pid}-${seq}`, timestamp: new Date().toISOString(), channelId: 'webchat', serviceUrl,
    from: { id: 'user-js', name: 'Jorge' }, recipient: { id: 'bot-js', name: 'Jorge Copilot' },
    conversation: { id: conversationId }, text, locale: 'en-US', ...extra,
  };
}
const gsmSegments = (t) => (t.length <= 160 ? 1 : Math.ceil(t.length / 153));

async function main() {
  const server = new MiniServer();
  new ChannelServiceRoutes(new RecordingChannel(credentials, new AuthenticationConfiguration())).register(server);
  const httpServer = http.createServer((req, res) => server.handle(req, res));
  await new Promise((r) => httpServer.listen(0, '127.0.0.1', r));
  const serviceUrl = `http://127.0.0.1:${httpServer.address().port}/`;
  const client = new BotFrameworkHttpClient(credentials);
  const post = (activity) => client.postActivity('', '', botUrl, serviceUrl, activity.conversation.id, activity);
  const cases = [];
  const check = async (name, fn) => {
    try { const detail = await fn(); cases.push({ name, ok: true, detail: detail || '' }); }
    catch (e) { cases.push({ name, ok: false, detail: String(e && e.message || e) }); }
  };
  const assert = (cond, msg) => { if (!cond) throw new Error(msg); };

  const top = expected.top;
  const version = String(expected.modelVersion);
  const inOrder = (text, names) => {
    let at = 0;
    for (const n of names) { const i = text.indexOf(n, at); if (i < 0) return false; at = i + n.length; }
    return true;
  };
  const reply = async (a) => { const [r] = await waitFor(() => repliesTo(a.id).length && repliesTo(a.id)) || []; assert(r, `no reply to "${a.text || a.type}"`); return r; };
  const cardOf = (activity) => {
    const att = (activity.attachments || [])[0];
    assert(att && att.contentType === 'application/vnd.microsoft.card.adaptive', 'no adaptive card attachment');
    assert(att.content.type === 'AdaptiveCard' && att.content.version === '1.5', 'not an Adaptive Card 1.5');
    return att.content;
  };
  const button = (card, pattern) => {
    const b = (card.actions || []).find((x) => x.data && pattern.test(x.data.text || ''));
    assert(b, `no button matching ${pattern} among ${JSON.stringify((card.actions || []).map((x) => x.title))}`);
    return b;
  };
  const teams = (conversationId, text, extra = {}) => message(serviceUrl, conversationId, text, {
    channelId: 'msteams', channelData: { tenant: { id: 'tenant-1' }, source: { name: 'message' } }, ...extra,
  });

  if (mode === 'suite') {
    await check('message round trip', async () => {
      const a = message(serviceUrl, 'js-roundtrip', 'who are my hottest leads?');
      const res = await post(a);
      assert(res.status === 202 || res.status === 200, `status ${res.status}`);
      const r = await reply(a);
      assert(r.conversationId === 'js-roundtrip', `reply in conversation ${r.conversationId}`);
      assert(r.activity.recipient.id === 'user-js' && r.activity.from.id === 'bot-js', 'reply not addressed back');
      const t = r.activity.text || '';
      assert(inOrder(t, top.map((l) => l.name)), `the ranking ${JSON.stringify(top.map((l) => l.name))} is not in the reply: ${t}`);
      assert(top.every((l) => t.includes(String(l.id))), 'lead ids missing from the reply');
      assert(t.includes(`Model version:** ${version}`), `model version ${version} missing`);
      // The suggested action Web Chat shows under the ranking, pressed (imBack: its value comes back as the user's text).
      const suggestion = ((r.activity.suggestedActions || {}).actions || []).find((x) => x.type === 'imBack' && /^explain/.test(x.value));
      assert(suggestion, `no "explain" suggested action: ${JSON.stringify(r.activity.suggestedActions)}`);
      const press = message(serviceUrl, 'js-roundtrip', suggestion.value);
      await post(press);
      const t2 = (await reply(press)).activity.text || '';
      assert(t2.includes(top[0].name) && t2.includes(`Lead id:** ${top[0].id}`), `"${suggestion.value}" did not explain ${top[0].name}: ${t2}`);
      return `${t.split('\n')[0]} / "${suggestion.value}" -> ${top[0].name}`;
    });
    await check('multi-turn follow-up', async () => {
      const first = message(serviceUrl, 'js-multiturn', 'who are my hottest leads?');
      await post(first);
      await reply(first);
      const second = message(serviceUrl, 'js-multiturn', 'why is the second one hot?');
      await post(second);
      const r2 = await reply(second);
      assert(r2.conversationId === 'js-multiturn', 'turn 2 answered in another conversation');
      const t2 = r2.activity.text || '';
      assert(t2.includes(top[1].name) && t2.includes(`Lead id:** ${top[1].id}`), `turn 2 does not explain the second lead ${top[1].name} (${top[1].id}): ${t2}`);
      assert(!t2.includes(`Lead id:** ${top[0].id}`), 'turn 2 explains the first lead');
      assert(/pts/.test(t2), 'no signed reasons in the explanation');
      return `${top[1].name}: ${t2.split('\n')[0]}`;
    });
    await check('expectReplies', async () => {
      const a = message(serviceUrl, 'js-expect', `how likely is lead ${expected.lead.id} to convert?`, { deliveryMode: 'expectReplies' });
      const before = received.length;
      const res = await post(a);
      assert(res.status === 200, `status ${res.status}`);
      const acts = res.body && res.body.activities;
      assert(Array.isArray(acts) && acts.length >= 1, 'no activities in the body');
      assert(acts.every((x) => x.replyToId === a.id), 'replies not threaded');
      const m = acts.find((x) => x.type === 'message' && x.text);
      assert(m, 'no message in the body');
      assert(m.text.includes(expected.lead.name) && m.text.includes(`Lead id:** ${expected.lead.id}`), `not the score of ${expected.lead.name}: ${m.text}`);
      assert(/Probability %:\*\* \d+(\.\d+)?%/.test(m.text) && m.text.includes(`Model version:** ${version}`), 'no probability or model version');
      await sleep(300);
      assert(received.length === before, 'expectReplies also sent replies through the connector');
      return m.text.split('\n')[0];
    });
    await check('variants expectReplies', async () => {
      // A bot (Seller Bot, Lead Bot) asks synchronously and reads the machine part of the reply: arm ids and propensities.
      const a = message(serviceUrl, 'js-variants', `3 variants for lead ${expected.lead.id}`, { deliveryMode: 'expectReplies' });
      const before = received.length;
      const res = await post(a);
      assert(res.status === 200, `status ${res.status}`);
      const m = ((res.body && res.body.activities) || []).find((x) => x.type === 'message' && x.value);
      assert(m, 'no reply with a value in the body');
      const vs = m.value.variants;
      assert(Array.isArray(vs) && vs.length === 3, `not 3 variants: ${JSON.stringify(m.value)}`);
      assert(vs.every((v) => Number.isInteger(v.armId) && v.propensity > 0 && v.propensity <= 1 && /^[0-9a-f-]{36}$/.test(v.servedId) && v.text),
        `a variant without arm id, propensity, served id or text: ${JSON.stringify(vs)}`);
      await sleep(300);
      assert(received.length === before, 'expectReplies also sent replies through the connector');
      return vs.map((v) => `${v.strategy} arm ${v.armId} p=${v.propensity.toFixed(3)}`).join(', ');
    });
    let rankingCard = null;
    await check('teams card reply', async () => {
      const a = teams('js-teams', '<at>Jorge Copilot</at> who are my hottest leads?', {
        entities: [{ type: 'mention', text: '<at>Jorge Copilot</at>', mentioned: { id: 'bot-js', name: 'Jorge Copilot' } }],
      });
      await post(a);
      const card = cardOf((await reply(a)).activity);
      const table = card.body.find((e) => e.type === 'Table');
      assert(table, 'no table in the ranking card');
      const cells = table.rows.slice(1).map((row) => row.cells.map((c) => c.items.map((i) => i.text).join(' ')));
      assert(JSON.stringify(cells.map((c) => c.find((x) => top.some((l) => l.name === x)))) === JSON.stringify(top.map((l) => l.name)),
        `card rows ${JSON.stringify(cells)} are not the ranking`);
      assert((card.actions || []).length > 0, 'card has no buttons');
      rankingCard = card;
      return `${card.body.length} body elements, buttons ${JSON.stringify(card.actions.map((x) => x.title))}`;
    });
    await check('card button (message back)', async () => {
      assert(rankingCard, 'no ranking card to press');
      // Action.Submit comes back from Teams as a message with no text and the button's data as value.
      const press = teams('js-teams', undefined, { value: button(rankingCard, /^score/).data });
      await post(press);
      const card = cardOf((await reply(press)).activity);
      const json = JSON.stringify(card);
      assert(json.includes('Lead score') && json.includes(top[0].name), `not the score card of ${top[0].name}: ${json.slice(0, 400)}`);
      return `Lead score card for ${top[0].name}`;
    });
    await check('invoke', async () => {
      const rank = teams('js-invoke', 'who are my hottest leads?');
      await post(rank);
      const explain = button(cardOf((await reply(rank)).activity), /^explain/);
      const a = teams('js-invoke', undefined, {
        type: 'invoke', name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: explain.data.verb, data: explain.data } },
      });
      const res = await post(a);
      assert(res.status === 200, `status ${res.status}`);
      assert(res.body && res.body.statusCode === 200, 'invoke response status is not 200');
      assert(res.body.type === 'application/vnd.microsoft.card.adaptive', `invoke response type ${res.body.type}`);
      assert(res.body.value && res.body.value.type === 'AdaptiveCard', 'invoke response has no card');
      const json = JSON.stringify(res.body.value);
      assert(json.includes('Why this score') && json.includes(top[0].name) && json.includes('pts'), `not the explanation of ${top[0].name}: ${json.slice(0, 400)}`);
      return `"${explain.data.text}" -> Why this score: ${top[0].name}`;
    });
    await check('sms plain reply', async () => {
      const a = message(serviceUrl, 'js-sms', 'who are my hottest leads?', { channelId: 'sms', from: { id: '+12065550111' } });
      await post(a);
      const r = await reply(a);
      const t = r.activity.text || '';
      assert(!r.activity.attachments, 'SMS reply has attachments');
      assert(r.activity.textFormat === 'plain', `textFormat ${r.activity.textFormat}`);
      assert(!/[*_`#|]|\]\(/.test(t), `markdown in SMS reply: ${t}`);
      assert(gsmSegments(t) <= 3, `${gsmSegments(t)} segments`);
      assert(inOrder(t, top.slice(0, 2).map((l) => l.name)), `the top of the ranking is not in the SMS: ${t}`);
      return `${t.length} chars, ${gsmSegments(t)} segments`;
    });
    await check('conversationUpdate greeting', async () => {
      const a = message(serviceUrl, 'js-welcome', undefined, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-js' }, { id: 'user-js' }] });
      const res = await post(a);
      assert(res.status === 202 || res.status === 200, `status ${res.status}`);
      const r = await waitFor(() => received.find((x) => x.conversationId === 'js-welcome'));
      assert(r && r.activity.text, 'no greeting');
      return r.activity.text;
    });
  } else if (mode === 'burst') {
    await check('burst 200 messages over 20 conversations', async () => {
      assert(expected.burst.length === 200, `${expected.burst.length} burst leads`);
      const started = Date.now();
      const sent = expected.burst.map((lead, i) => ({ lead, activity: message(serviceUrl, `js-burst-${i % 20}`, `how likely is lead ${lead.id} to convert?`) }));
      const results = await Promise.all(sent.map((s) => post(s.activity)));
      const accepted = results.filter((r) => r.status === 202).length;
      assert(accepted === 200, `${accepted} of 200 accepted`);
      const byId = new Map(sent.map((s) => [s.activity.id, s]));
      const burstReplies = () => received.filter((r) => r.activity.type === 'message' && byId.has(r.activity.replyToId));
      await waitFor(() => burstReplies().length >= 200, 120000);
      const elapsed = Date.now() - started;
      await sleep(1000); // any duplicate would arrive in this window
      const counts = new Map();
      for (const r of burstReplies()) counts.set(r.activity.replyToId, (counts.get(r.activity.replyToId) || 0) + 1);
      const lost = [...byId.keys()].filter((id) => !counts.has(id)).length;
      const duplicated = [...counts.values()].filter((c) => c > 1).length;
      const misrouted = burstReplies().filter((r) => byId.get(r.activity.replyToId).activity.conversation.id !== r.conversationId).length;
      // Each answer must be the score of the lead its message asked about, not a neighbour's.
      const wrong = burstReplies().filter((r) => !(r.activity.text || '').includes(`Lead id:** ${byId.get(r.activity.replyToId).lead.id}\n`)
        || !(r.activity.text || '').includes(byId.get(r.activity.replyToId).lead.name)).length;
      assert(lost === 0 && duplicated === 0 && misrouted === 0 && wrong === 0, `lost ${lost}, duplicated ${duplicated}, misrouted ${misrouted}, wrong lead ${wrong}`);
      return `200 replies, 0 lost, 0 duplicated, 0 about the wrong lead, ${elapsed} ms`;
    });
  }

  httpServer.close();
  const passed = cases.length > 0 && cases.every((c) => c.ok);
  console.log(JSON.stringify({ passed, mode, cases }));
  process.exit(passed ? 0 : 1);
}

main().catch((e) => { console.log(JSON.stringify({ passed: false, mode, cases: [{ name: 'harness', ok: false, detail: String(e && e.stack || e) }] })); process.exit(1); });
