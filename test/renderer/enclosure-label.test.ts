import { describe, expect, it } from 'vitest';
import { enclosureLabel } from '../../renderer/src/lib/enclosure-label';

describe('an attachment under the article', () => {
  it('names a podcast episode by its file, without the tracking query, with its size', () => {
    const label = enclosureLabel({
      url: 'https://dts.podtrac.com/redirect.mp3/media.example-podcasts.com/shows/harbour-talk/ep-312.mp3?awCollectionId=123&awEpisodeId=ep-312',
      type: 'audio/mpeg',
      length: 52_428_800,
    });
    expect(label).toBe('Audio: ep-312.mp3 (50 MB)');
  });

  it('says what a video or a PDF is, and decodes an escaped file name', () => {
    expect(enclosureLabel({ url: 'https://cdn.example.org/v/Harbour%20tour%202026.mp4', type: 'video/mp4', length: null })).toBe('Video: Harbour tour 2026.mp4');
    expect(enclosureLabel({ url: 'https://example.org/reports/budget.pdf', type: 'application/pdf', length: 840_000 })).toBe('PDF: budget.pdf (820 KB)');
  });

  it('keeps an unknown type as written and names an address without a path by itself', () => {
    expect(enclosureLabel({ url: 'https://example.org/', type: 'application/x-bittorrent', length: null })).toBe('application/x-bittorrent: https://example.org/');
    expect(enclosureLabel({ url: 'https://example.org/files/100%-pure.ogg', type: null, length: null })).toBe('Attachment: 100%-pure.ogg');
  });
});
