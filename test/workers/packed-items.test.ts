// A feed's items as the parse worker hands them to the writer thread: moved in one buffer of
// their own through a real message channel, and read back exactly as they were ingested.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { packItems, unpackItems, type PackedItems } from '../../electron/core/workers/packed-items';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { item } from '../storage/items';

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((port) => port.close()));

/** What the writer thread receives when the buffer is posted as the pool and the writer post it. */
async function moved(packed: PackedItems): Promise<PackedItems> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const received = new Promise<PackedItems>((resolve) => port2.once('message', resolve));
  port1.postMessage(packed, [packed.buffer as ArrayBuffer]);
  return received;
}

describe('packed items', () => {
  it('come back in the writer exactly as ingested: every script, nulls, numbers and lists', async () => {
    const rss = `<rss version="2.0"><channel><title>Hafen</title><link>https://hafen.example/</link>
      <item><title>Fähre „Nord“ fährt wieder</title><link>https://hafen.example/1</link><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate>
        <category>Hafen</category><category>Verkehr</category><enclosure url="https://hafen.example/a.mp3" type="audio/mpeg" length="1234"/>
        <description><![CDATA[<p>Die Fähre fährt ab Montag – früher. <img src="/f.jpg" alt="Fähre"></p>]]></description></item>
      <item><title>港の新しい時刻表 😀</title><guid>jp-1</guid><description>&lt;p dir="rtl"&gt;وتوفر المكتبة شبكة مجانية&lt;/p&gt;</description></item>
      <item><guid>empty</guid></item>
    </channel></rss>`;
    const { items } = await ingestFeed(rss, 'https://hafen.example/feed', 4);
    expect(items.map((i) => i.title)).toEqual(['Fähre „Nord“ fährt wieder', '港の新しい時刻表 😀', 'Untitled']);
    expect(unpackItems(await moved(packItems(items)))).toStrictEqual(items);
    const odd = [item({ title: 'Lone \ud800 surrogate \u2028 and \0', author: null, commentCount: 0, categories: [] })];
    expect(unpackItems(await moved(packItems(odd)))).toStrictEqual(odd);
  });

  it('own their whole buffer, so moving it takes nothing else along and leaves the sender empty', async () => {
    const packed = packItems([item(), item()]);
    expect(packed.byteOffset).toBe(0);
    expect(packed.buffer.byteLength).toBe(packed.byteLength);
    const received = await moved(packed);
    expect(packed.byteLength).toBe(0);
    expect(unpackItems(received)).toHaveLength(2);
  });
});
