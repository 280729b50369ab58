// The contract's method names as a value, for the preload. shared/api-schema.ts has them too,
// but it brings zod, and a sandboxed preload can require nothing but 'electron'. The types
// below make the compiler reject a missing or an extra name; test/app/bridge.test.ts checks
// the list against the schemas as well.
import type { ApiMethod } from '../../shared/api';

type Exactly<List extends readonly string[]> = [ApiMethod] extends [List[number]] ? ([List[number]] extends [ApiMethod] ? List : never) : never;

const methods = [
  'addFeed', 'removeFeed', 'listFeeds', 'updateFeed', 'listFolders', 'createFolder', 'renameFolder', 'removeFolder',
  'importOpml', 'exportOpml',
  'sync', 'cancelSync', 'syncLog',
  'listArticles', 'getArticle', 'setRead', 'setStarred', 'markAllRead', 'undoMarkAllRead', 'search', 'countSearch',
  'listComments', 'getDraft', 'getDrafts', 'saveDraft', 'deleteDraft', 'restoreDraft', 'exportDrafts', 'sendDraft', 'sendQueuedDrafts',
  'storageInfo', 'applyRetention', 'vacuum',
  'getSettings', 'updateSettings',
  'getNotices', 'dismissNotice',
] as const;

export const API_METHOD_NAMES: Exactly<typeof methods> = methods;
