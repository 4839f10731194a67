'use strict';
// Drives JorgeCopilot's /api/messages with the official Bot Framework JS SDK:
//  - BotFrameworkHttpClient (the SDK's skill-host client) posts the activities, exactly as a channel or skill host would;
//  - ChannelServiceRoutes + ChannelServiceHandler (the SDK's channel-service side) receive the bot's replies on our own
//    loopback serviceUrl.
// Usage: node harness.js --bot http://127.0.0.1:5000/api/messages [--mode suite|burst]
// Prints one JSON line {passed, cases:[{name, ok, detail}]} and exits 0 only when every case passed.
const http = require('http');
const { BotFrameworkHttpClient, ChannelServiceHandler, ChannelServiceRoutes } = require('botbuilder');
const { SimpleCredentialProvider, AuthenticationConfiguration } = require('botframework-connector');

const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const botUrl = arg('--bot');
const mode = arg('--mode', 'suite');
if (!botUrl) { console.error('--bot <url> is required'); process.exit(2); }

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

  if (mode === 'suite') {
    await check('message round trip', async () => {
      const a = message(serviceUrl, 'js-roundtrip', 'hello from the JS SDK');
      const res = await post(a);
      assert(res.status === 202 || res.status === 200, `status ${res.status}`);
      const [r] = await waitFor(() => repliesTo(a.id).length && repliesTo(a.id)) || [];
      assert(r, 'no reply');
      assert(r.conversationId === 'js-roundtrip', `reply in conversation ${r.conversationId}`);
      assert(r.activity.text && r.activity.text.length > 0, 'empty reply');
      assert(r.activity.recipient.id === 'user-js' && r.activity.from.id === 'bot-js', 'reply not addressed back');
      return r.activity.text;
    });
    await check('multi-turn follow-up', async () => {
      const first = message(serviceUrl, 'js-multiturn', 'my name is Sam');
      await post(first);
      assert(await waitFor(() => repliesTo(first.id).length === 1), 'no reply to turn 1');
      const second = message(serviceUrl, 'js-multiturn', 'what did I just tell you?');
      await post(second);
      const r2 = await waitFor(() => repliesTo(second.id).length === 1 && repliesTo(second.id)[0]);
      assert(r2, 'no reply to turn 2');
      assert(r2.conversationId === 'js-multiturn', 'turn 2 answered in another conversation');
      return r2.activity.text;
    });
    await check('expectReplies', async () => {
      const a = message(serviceUrl, 'js-expect', 'give me 3 variants for lead 42', { deliveryMode: 'expectReplies' });
      const before = received.length;
      const res = await post(a);
      assert(res.status === 200, `status ${res.status}`);
      const acts = res.body && res.body.activities;
      assert(Array.isArray(acts) && acts.length >= 1, 'no activities in the body');
      assert(acts.some((x) => x.type === 'message' && x.text), 'no message in the body');
      assert(acts.every((x) => x.replyToId === a.id), 'replies not threaded');
      await sleep(300);
      assert(received.length === before, 'expectReplies also sent replies through the connector');
      return `${acts.length} activities`;
    });
    await check('teams card reply', async () => {
      const a = message(serviceUrl, 'js-teams', '<at>Jorge Copilot</at> rank my leads', {
        channelId: 'msteams',
        entities: [{ type: 'mention', text: '<at>Jorge Copilot</at>', mentioned: { id: 'bot-js', name: 'Jorge Copilot' } }],
        channelData: { tenant: { id: 'tenant-1' }, source: { name: 'message' } },
      });
      await post(a);
      const [r] = await waitFor(() => repliesTo(a.id).length && repliesTo(a.id)) || [];
      assert(r, 'no reply');
      const att = (r.activity.attachments || [])[0];
      assert(att && att.contentType === 'application/vnd.microsoft.card.adaptive', 'no adaptive card attachment');
      assert(att.content.type === 'AdaptiveCard' && att.content.version === '1.5', 'not an Adaptive Card 1.5');
      assert((att.content.actions || []).length > 0, 'card has no buttons');
      return `${att.content.body.length} body elements, ${att.content.actions.length} actions`;
    });
    await check('sms plain reply', async () => {
      const a = message(serviceUrl, 'js-sms', 'rank my leads', { channelId: 'sms', from: { id: '+12065550111' } });
      await post(a);
      const [r] = await waitFor(() => repliesTo(a.id).length && repliesTo(a.id)) || [];
      assert(r, 'no reply');
      const t = r.activity.text || '';
      assert(!r.activity.attachments, 'SMS reply has attachments');
      assert(r.activity.textFormat === 'plain', `textFormat ${r.activity.textFormat}`);
      assert(!/[*_`#|]|\]\(/.test(t), 'markdown in SMS reply');
      assert(gsmSegments(t) <= 3, `${gsmSegments(t)} segments`);
      return `${t.length} chars`;
    });
    await check('invoke', async () => {
      const a = message(serviceUrl, 'js-invoke', undefined, {
        type: 'invoke', channelId: 'msteams', name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'explain', data: { verb: 'explain', text: 'explain the top lead' } } },
      });
      const res = await post(a);
      assert(res.status === 200, `status ${res.status}`);
      assert(res.body && res.body.statusCode === 200, 'invoke response status is not 200');
      assert(res.body.type === 'application/vnd.microsoft.card.adaptive', `invoke response type ${res.body.type}`);
      assert(res.body.value && res.body.value.type === 'AdaptiveCard', 'invoke response has no card');
      return 'card in invoke response';
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
      const started = Date.now();
      const sent = [];
      for (let i = 0; i < 200; i++) sent.push(message(serviceUrl, `js-burst-${i % 20}`, `burst message ${i}`));
      const results = await Promise.all(sent.map((a) => post(a)));
      const accepted = results.filter((r) => r.status === 202).length;
      assert(accepted === 200, `${accepted} of 200 accepted`);
      const ids = new Set(sent.map((a) => a.id));
      const burstReplies = () => received.filter((r) => r.activity.type === 'message' && ids.has(r.activity.replyToId));
      await waitFor(() => burstReplies().length >= 200, 60000);
      const elapsed = Date.now() - started;
      await sleep(1000); // any duplicate would arrive in this window
      const counts = new Map();
      for (const r of burstReplies()) counts.set(r.activity.replyToId, (counts.get(r.activity.replyToId) || 0) + 1);
      const lost = [...ids].filter((id) => !counts.has(id)).length;
      const duplicated = [...counts.values()].filter((c) => c > 1).length;
      const misrouted = burstReplies().filter((r) => sent.find((a) => a.id === r.activity.replyToId).conversation.id !== r.conversationId).length;
      assert(lost === 0 && duplicated === 0 && misrouted === 0, `lost ${lost}, duplicated ${duplicated}, misrouted ${misrouted}`);
      return `200 replies, 0 lost, 0 duplicated, ${elapsed} ms`;
    });
  }

  httpServer.close();
  const passed = cases.length > 0 && cases.every((c) => c.ok);
  console.log(JSON.stringify({ passed, mode, cases }));
  process.exit(passed ? 0 : 1);
}

main().catch((e) => { console.log(JSON.stringify({ passed: false, mode, cases: [{ name: 'harness', ok: false, detail: String(e && e.stack || e) }] })); process.exit(1); });
