import { sha256 } from 'hash-wasm';
import { z } from 'zod';
import { CHAT_LINE } from '@/lib/file-type';

export type ChatMessage = { index: number; time: string; sender: string; text: string; hash: string };
export type ChatThread = { id: string; start: string; end: string; messages: ChatMessage[] };

const jsonMessages = z.array(z.object({ time: z.string(), sender: z.string(), text: z.string() }));

/** WeChat/QQ exports: a JSON list of {time, sender, text}, or text lines "date time sender: message" with continuation lines. */
export function parseChat(text: string): Omit<ChatMessage, 'hash'>[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed = jsonMessages.safeParse(JSON.parse(trimmed));
      if (parsed.success) return parsed.data.map((m, index) => ({ index, ...m }));
    } catch {
      /* not JSON after all: read it as text */
    }
  }
  const out: Omit<ChatMessage, 'hash'>[] = [];
  for (const raw of trimmed.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const m = CHAT_LINE.exec(line.trim());
    if (m) out.push({ index: out.length, time: m[1], sender: m[2].trim(), text: m[3] });
    else if (out.length && line.trim()) out[out.length - 1].text += `\n${line.trim()}`;
  }
  return out;
}

/**
 * Each message's SHA-256 over "time\u0000sender\u0000text": a referral can cite one message and anyone can
 * recompute its hash from the export.
 */
export async function hashMessages(messages: Omit<ChatMessage, 'hash'>[]): Promise<ChatMessage[]> {
  return Promise.all(messages.map(async (m) => ({ ...m, hash: await sha256(`${m.time}\u0000${m.sender}\u0000${m.text}`) })));
}

const timeMs = (t: string) => Date.parse(t.includes('T') ? t : t.replace(' ', 'T') + '+08:00');

/** A pause of more than six hours starts a new thread: that is how investigators read a long group chat. */
export function threadsOf(messages: ChatMessage[], gapMs = 6 * 3_600_000): ChatThread[] {
  const threads: ChatThread[] = [];
  let prev = NaN;
  for (const m of messages) {
    const t = timeMs(m.time);
    const current = threads[threads.length - 1];
    if (!current || !(t - prev <= gapMs)) threads.push({ id: `t${threads.length + 1}`, start: m.time, end: m.time, messages: [m] });
    else {
      current.messages.push(m);
      current.end = m.time;
    }
    prev = t;
  }
  return threads;
}
