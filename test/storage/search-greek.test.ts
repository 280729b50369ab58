// Greek as people type it: without accents, or in capitals (which Greek writes without them),
// finds the accented words of the text, and a word typed with its accent finds a headline in
// capitals; each hit's snippet marks the word as the text writes it. The index folds Greek case
// but keeps its accents (unicode61 folds Latin letters only). Real SQLite, the core's search API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const NOW = Date.UTC(2026, 10, 2);
const feed = { url: 'http://127.0.28.4/feed', title: 'Ειδήσεις', siteUrl: null, description: null, folderId: null };

const heat = item({
  title: 'Καύσωνας: Στους 43 βαθμούς η θερμοκρασία την Πέμπτη',
  feedText: 'Έκτακτο δελτίο επικίνδυνων καιρικών φαινομένων εξέδωσε η ΕΜΥ, καθώς ο καύσωνας κορυφώνεται την Πέμπτη, '
    + 'με τη θερμοκρασία να φτάνει τους 43 βαθμούς Κελσίου στην ηπειρωτική χώρα και τους 40 στην Αθήνα.',
});
const budget = item({
  title: 'ΨΗΦΙΣΤΗΚΕ Ο ΠΡΟΫΠΟΛΟΓΙΣΜΟΣ ΤΟΥ ΔΗΜΟΥ',
  feedText: 'Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό, με ευρωπαϊκούς πόρους για το λιμάνι του Πειραιά.',
});
const english = item({ title: 'Heatwave closes the Acropolis', feedText: 'Athens expects 40 degrees on Thursday.' });

let core: Core;

beforeAll(() => {
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
  core.storage.articles.upsertFeedItems(core.storage.feeds.add(feed), [heat, budget, english], NOW);
});

afterAll(async () => {
  await core.close();
  removeTempDirs();
});

async function found(query: string): Promise<string[]> {
  return (await core.api.search(query)).map((hit) => hit.id).sort();
}

/** The first hit's snippet with its marks written as [[ ]], as the list shows them. */
async function shown(query: string): Promise<string> {
  return ((await core.api.search(query))[0]?.highlight ?? '').replace(/\uE000/g, '[[').replace(/\uE001/g, ']]');
}

describe('searching Greek', () => {
  it('finds accented words typed without accents, or in capitals', async () => {
    for (const query of ['θερμοκρασία', 'θερμοκρασια', 'ΘΕΡΜΟΚΡΑΣΙΑ', 'Θερμοκρασια', 'καυσωνας', 'ΚΑΥΣΩΝΑΣ', 'Αθηνα', 'ΑΘΗΝΑ', 'πεμπτη']) {
      expect(await found(query), query).toEqual([heat.id]);
    }
    // Every word must match, the last one as typed so far.
    expect(await found('καιρικων φαινομενων')).toEqual([heat.id]);
    expect(await found('ΗΠΕΙΡΩΤΙΚΗ χωρ')).toEqual([heat.id]);
    expect(await found('θερμοκρασια χιονι')).toEqual([]);
  });

  it('finds words with a diaeresis typed without it, and a headline in capitals typed with accents', async () => {
    for (const query of ['προυπολογισμο', 'προϋπολογισμό', 'ευρωπαικους', 'ΕΥΡΩΠΑΪΚΟΥΣ', 'πειραια']) {
      expect(await found(query), query).toEqual([budget.id]);
    }
    // The headline has no accents: typed with them, it is found all the same.
    expect(await found('Ψηφίστηκε')).toEqual([budget.id]);
    expect(await found('Δήμου')).toEqual([budget.id]);
  });

  it('marks the word where the text writes it, accents and all', async () => {
    expect(await shown('θερμοκρασια αθηνα')).toContain('τη [[θερμοκρασία]] να φτάνει τους 43 βαθμούς Κελσίου στην ηπειρωτική χώρα και τους 40 στην [[Αθήνα]]');
    expect(await shown('ΠΡΟΥΠΟΛΟΓΙΣΜΟ')).toContain('τον [[προϋπολογισμό]]');
    // A word only the title has is marked in the title.
    expect(await shown('ψηφιστηκε')).toBe('[[ΨΗΦΙΣΤΗΚΕ]] Ο ΠΡΟΫΠΟΛΟΓΙΣΜΟΣ ΤΟΥ ΔΗΜΟΥ');
  });

  it('searches other languages as before', async () => {
    expect(await found('athens')).toEqual([english.id]);
    expect(await found('ACROPOLIS heat')).toEqual([english.id]);
  });
});
