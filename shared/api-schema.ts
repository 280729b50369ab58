// Runtime argument schemas for every method of the API contract (shared/api.ts). The router
// checks each call against these before it reaches the core, whatever the transport. The
// mapped type makes the compiler insist that every method has a schema matching its parameters.
// Each method's schema is built at its first call, not when the module loads: building them all
// cost about 15 ms of every CLI command, which calls one method.
// A namespace import, not zod's `{ z }` object: the bundler keeps only the parts used, leaving out
// 560 KB (60 locales, JSON Schema) that every CLI start compiled.
import * as z from 'zod';
import type { ApiMethod, PaperboyApi } from './api';
import { MAX_SEARCH_QUERY } from './search-query';
import { commenterFields, settingSchemas, settingsPatch } from './settings-schema';

const id = () => z.number().int().positive();
const articleId = () => z.string().regex(/^[0-9a-f]{32}$/, 'not an article id');
const commentId = () => z.string().regex(/^[0-9a-f]{32}$/, 'not a comment id');
const commenter = commenterFields;
const url = () => z.string().trim().min(1, 'a URL is required').max(4096);
const name = () => z.string().trim().min(1, 'a name is required').max(200);
const optionalFolder = () => z.number().int().positive().nullable().optional();

/** The largest OPML import the contract takes; hosts check a file's size against it before reading it. */
export const MAX_OPML_BYTES = 20 * 1024 * 1024;

const filter = () =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('unread') }),
    z.object({ kind: z.literal('starred') }),
    z.object({ kind: z.literal('feed'), feedId: id() }),
    z.object({ kind: z.literal('folder'), folderId: id() }),
  ]);

type ArgSchemas = { [K in ApiMethod]: () => z.ZodType<Parameters<PaperboyApi[K]>> };

/** Each method's schema, made by its function; argumentsOf(method) keeps the one it made. */
export const API_ARGUMENTS: ArgSchemas = {
  addFeed: () => z.tuple([url(), optionalFolder(), z.object({ offerChoice: z.boolean().optional(), offerSingle: z.boolean().optional() }).strict().optional()]),
  removeFeed: () => z.tuple([id()]),
  listFeeds: () => z.tuple([]),
  updateFeed: () => z.tuple([
    id(),
    z.object({
      title: z.string().max(200).nullable().optional(),
      folderId: z.number().int().positive().nullable().optional(),
      fullText: z.boolean().optional(),
      images: z.boolean().optional(),
    }).strict(),
  ]),
  listFolders: () => z.tuple([]),
  createFolder: () => z.tuple([name(), optionalFolder()]),
  renameFolder: () => z.tuple([id(), name()]),
  removeFolder: () => z.tuple([id()]),
  importOpml: () => z.tuple([z.string().max(MAX_OPML_BYTES, 'an OPML file of subscriptions is at most 20 MB')]),
  exportOpml: () => z.tuple([]),
  sync: () => z.tuple([
    z.object({ feedIds: z.array(id()).max(100_000).optional(), fullText: z.boolean().optional(), images: z.boolean().optional(), feedsOnly: z.boolean().optional() }).strict().optional(),
  ]),
  cancelSync: () => z.tuple([]),
  syncLog: () => z.tuple([id(), z.number().int().min(1).max(50).optional()]),
  listArticles: () => z.tuple([
    z.object({
      filter: filter(),
      unreadOnly: z.boolean().optional(),
      cursor: z.string().max(200).nullable().optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }).strict(),
  ]),
  getArticle: () => z.tuple([articleId()]),
  storedArticleAt: () => z.tuple([url()]),
  setRead: () => z.tuple([z.array(articleId()).max(100_000), z.boolean()]),
  setStarred: () => z.tuple([articleId(), z.boolean()]),
  markAllRead: () => z.tuple([filter(), z.number().int().nonnegative().optional()]),
  undoMarkAllRead: () => z.tuple([filter(), z.number().int().nonnegative()]),
  search: () => z.tuple([z.string().max(MAX_SEARCH_QUERY), z.number().int().min(1).max(500).optional()]),
  countSearch: () => z.tuple([z.string().max(MAX_SEARCH_QUERY)]),
  listComments: () => z.tuple([articleId()]),
  getDraft: () => z.tuple([id()]),
  getDrafts: () => z.tuple([articleId().optional()]),
  saveDraft: () => z.tuple([
    z.object({
      id: id().optional(),
      articleId: articleId().optional(),
      replyToCommentId: commentId().nullable().optional(),
      body: z.string().max(65_525).optional(),
      name: commenter().name.optional(),
      email: commenter().email.optional(),
      website: commenter().website.optional(),
      base: z.object({ body: z.string().max(65_525), ...commenter() }).strict().optional(),
    }).strict(),
  ]),
  deleteDraft: () => z.tuple([id()]),
  restoreDraft: () => z.tuple([id()]),
  exportDrafts: () => z.tuple([z.enum(['text', 'markdown'])]),
  sendDraft: () => z.tuple([id(), z.array(z.string().max(200)).max(20).optional()]),
  sendQueuedDrafts: () => z.tuple([]),
  storageInfo: () => z.tuple([]),
  applyRetention: () => z.tuple([settingSchemas().keepDays]),
  vacuum: () => z.tuple([]),
  getSettings: () => z.tuple([]),
  updateSettings: () => z.tuple([settingsPatch()]),
  getNotices: () => z.tuple([]),
  dismissNotice: () => z.tuple([z.string().min(1).max(100)]),
} as ArgSchemas;


const built = new Map<ApiMethod, z.ZodType>();

/** The schema of a method's arguments, built at its first use. */
export function argumentsOf<K extends ApiMethod>(method: K): z.ZodType<Parameters<PaperboyApi[K]>> {
  let schema = built.get(method);
  if (!schema) built.set(method, (schema = API_ARGUMENTS[method]()));
  return schema as z.ZodType<Parameters<PaperboyApi[K]>>;
}
