// The person's settings, checked once: the same schemas judge an API call's patch and the
// config.json a host reads (a file anyone may have edited by hand). Numbers out of range in the
// file are clamped rather than dropped, so "syncEveryHours: 1000" becomes the longest interval
// offered, never a timer that overflows, and 0 or less turns off a setting that can be off;
// anything else invalid falls back to its default.
// The schemas are built at their first use: a CLI command that never reads settings (listFeeds)
// does not pay for them.
// A namespace import, not zod's `{ z }` object: the bundler keeps only the parts used, leaving out
// 560 KB (60 locales, JSON Schema) that every CLI start compiled.
import * as z from 'zod';
import { DEFAULT_SETTINGS, SETTING_LIMITS, type Commenter, type Settings } from './types';

type RangedKey = keyof typeof SETTING_LIMITS;

/** A value built at its first use, then kept. */
function onFirstUse<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const ranged = (key: RangedKey) => z.number().int().min(SETTING_LIMITS[key].min).max(SETTING_LIMITS[key].max);

// WordPress's own limits for these fields (its comment form's maxlength values).
export const commenterFields = onFirstUse(() => ({ name: z.string().max(245), email: z.string().max(100), website: z.string().max(200) }));

/** One schema per setting; the mapped type makes the compiler insist that every setting has one. */
export const settingSchemas = onFirstUse((): { readonly [K in keyof Settings]: z.ZodType<Settings[K]> } => ({
  theme: z.enum(['system', 'light', 'dark']),
  syncConcurrency: ranged('syncConcurrency'),
  keepDays: ranged('keepDays').nullable(),
  syncOnStart: z.boolean(),
  syncEveryHours: ranged('syncEveryHours').nullable(),
  commenter: z.object(commenterFields()).strict(),
  sidebarWidth: ranged('sidebarWidth'),
  listWidth: ranged('listWidth'),
  sidebarCollapsed: z.boolean(),
  articleFontSize: ranged('articleFontSize'),
  listDensity: z.enum(['comfortable', 'compact']),
  notifyAfterSync: z.boolean(),
  singleKeyShortcuts: z.boolean(),
}));

/** What updateSettings accepts: any subset of the settings, each valid, nothing unknown. */
export const settingsPatch = onFirstUse(() => z.object(settingSchemas()).partial().strict());

function isRanged(key: string): key is RangedKey {
  return Object.hasOwn(SETTING_LIMITS, key);
}

function normalizeCommenter(raw: unknown): Commenter {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const field = (name: keyof Commenter) => {
    const parsed = commenterFields()[name].safeParse(value[name]);
    return parsed.success ? parsed.data : '';
  };
  return { name: field('name'), email: field('email'), website: field('website') };
}

/** Settings as read from a file: each known key kept when valid, clamped when a number out of range (off when 0 or less and it can be off), else its default. */
export function normalizeSettings(raw: unknown): Settings {
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  const schemas = settingSchemas();
  for (const key of Object.keys(schemas) as (keyof Settings)[]) {
    if (key === 'commenter') {
      settings[key] = normalizeCommenter(source[key]);
      continue;
    }
    const value = source[key];
    const parsed = schemas[key].safeParse(value);
    if (parsed.success) settings[key] = parsed.data;
    else if (isRanged(key) && typeof value === 'number' && Number.isFinite(value)) {
      const { min, max } = SETTING_LIMITS[key];
      // 0 or less, hand-written for a setting that can be off (keepDays, syncEveryHours), means
      // off: clamped to the minimum, "keepDays: 0" had the next sync delete all but a day's articles.
      settings[key] = value <= 0 && schemas[key].safeParse(null).success ? null : Math.min(max, Math.max(min, Math.round(value)));
    } else settings[key] = DEFAULT_SETTINGS[key];
  }
  return settings as unknown as Settings;
}
