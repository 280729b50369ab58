// A list's snippet is cut between what a reader sees as characters (grapheme clusters), never
// between a letter and its marks: a Thai consonant and its vowel or tone mark, a Devanagari
// conjunct (consonant, virama, consonant), an Arabic letter and its vowel sign, a flag's two
// letters, a family emoji. Cut inside one, the list showed a mark standing alone, or a letter
// without the vowel the word has, before the "…".
import { describe, expect, it } from 'vitest';
import { snippetOfText } from '../../electron/core/articles';

const TEXTS = {
  thai: 'ขอให้ประชาชนในพื้นที่เสี่ยงภัยระวังอันตรายจากฝนตกหนักและฝนที่ตกสะสมซึ่งอาจทำให้เกิดน้ำท่วมฉับพลันและน้ำป่าไหลหลาก',
  hindi: 'प्रधानमंत्री नरेंद्र मोदी ने राष्ट्रीय अंतरिक्ष दिवस पर वैज्ञानिकों को बधाई दी और चंद्रयान की सफलता की सराहना की',
  arabic: 'قُلْ هُوَ اللَّهُ أَحَدٌ اللَّهُ الصَّمَدُ لَمْ يَلِدْ وَلَمْ يُولَدْ وَلَمْ يَكُنْ لَهُ كُفُوًا أَحَدٌ',
  emoji: 'Fans 🇬🇷🇬🇷🇬🇷 waved flags 👨‍👩‍👧‍👦👩🏽‍🚀 as the team landed 🇯🇵🇯🇵 at dawn',
};

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The offsets where the text's clusters start, and its end. */
function clusterBoundaries(text: string): Set<number> {
  return new Set([...[...segmenter.segment(text)].map((segment) => segment.index), text.length]);
}

describe('snippetOfText', () => {
  for (const [script, text] of Object.entries(TEXTS)) {
    it(`cuts ${script} text only between grapheme clusters, whatever the length asked`, () => {
      const boundaries = clusterBoundaries(text);
      const badCuts: string[] = [];
      for (let maxChars = 4; maxChars < [...text].length; maxChars++) {
        const snippet = snippetOfText(text, maxChars);
        if (!snippet.endsWith('…')) continue;
        const kept = snippet.slice(0, -1);
        expect(text.startsWith(kept), `${maxChars}: ${snippet}`).toBe(true);
        if (!boundaries.has(kept.length)) badCuts.push(`${maxChars}: …${kept.slice(-3)}|${text.slice(kept.length, kept.length + 2)}`);
        // Never longer than asked, counting the "…".
        expect([...snippet].length).toBeLessThanOrEqual(maxChars);
      }
      expect(badCuts).toEqual([]);
    });
  }

  it('keeps a text that fits whole, and cuts a spaced one between words', () => {
    expect(snippetOfText(TEXTS.thai, 500)).toBe(TEXTS.thai);
    expect(snippetOfText(TEXTS.hindi, 30)).toBe('प्रधानमंत्री नरेंद्र मोदी ने…');
  });
});
