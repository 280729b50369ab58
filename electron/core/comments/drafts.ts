// Writing drafts: create, edit, list, delete with undo. Saving is durable once the call returns
// (one committed SQLite transaction; the UI saves at most a second behind typing), and a save that
// reached the disk never reports failure: the name, email and website of the last draft are
// remembered in the settings for the next one, but only as a courtesy that may fail on its own.
// An edit that carries its base (the text its window last loaded or saved) never overwrites words
// it has not seen: the check and the write are one transaction, so two windows saving at once
// cannot both pass it; the one that finds the text changed keeps its own as a new draft.
import type { ArticleId, Draft, DraftId, DraftInput, SavedDraft, Settings } from '../../../shared/types';
import type { SettingsStore } from '../settings/settings-store';
import { siteCommentNumber, type Storage } from '../storage';
import { errorMessage } from '../../../shared/error-message';

/** A refused draft operation; `code` matches the API's error codes. */
export class DraftError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'invalid-arguments' | 'failed',
  ) {
    super(message);
    this.name = 'DraftError';
  }
}

export interface DraftsContext {
  readonly storage: Storage;
  readonly settings: SettingsStore;
  readonly now: () => number;
  /** Told when saving a draft changed the remembered commenter. */
  readonly onSettingsChanged?: (settings: Settings) => void;
}

/** How long a deleted draft can be restored (the UI offers undo right after deleting). */
const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

export class Drafts {
  constructor(private readonly ctx: DraftsContext) {
    ctx.storage.drafts.purgeDeleted(ctx.now() - UNDO_WINDOW_MS);
  }

  save(input: DraftInput): SavedDraft {
    const { storage } = this.ctx;
    const draft = storage.db.transaction((): SavedDraft => {
      if (input.id === undefined) return storage.drafts.get(this.create(input))!;
      const { id, keptApart } = this.edit(input.id, input);
      return keptApart ? { ...storage.drafts.get(id)!, keptApart } : storage.drafts.get(id)!;
    });
    // After the commit: the draft is on disk whatever happens to the settings file now.
    try {
      this.remember(draft);
    } catch (error) {
      console.error(`paperboy: the draft was saved, but its name and email could not be remembered for the next one: ${errorMessage(error)}`);
    }
    return draft;
  }

  get(id: DraftId): Draft | null {
    return this.ctx.storage.drafts.get(id);
  }

  list(articleId?: ArticleId): Draft[] {
    return this.ctx.storage.drafts.list(articleId);
  }

  remove(id: DraftId): void {
    const draft = this.ctx.storage.drafts.get(id);
    if (!draft) throw new DraftError('draft not found', 'not-found');
    if (!this.ctx.storage.drafts.softDelete(id, this.ctx.now())) throw new DraftError('This comment is being sent; delete it once that ends.', 'failed');
  }

  restore(id: DraftId): Draft {
    if (!this.ctx.storage.drafts.restore(id)) throw new DraftError('no deleted draft with this id', 'not-found');
    return this.ctx.storage.drafts.get(id)!;
  }

  private create(input: DraftInput): DraftId {
    const { storage } = this.ctx;
    if (input.articleId === undefined) throw new DraftError('a new draft needs the id of its article', 'invalid-arguments');
    const article = storage.articles.get(input.articleId);
    if (!article) throw new DraftError('article not found', 'not-found');
    let replyTo = null;
    if (input.replyToCommentId) {
      const comment = storage.comments.get(input.replyToCommentId);
      if (!comment || comment.articleId !== article.id) throw new DraftError('comment not found', 'not-found');
      replyTo = { commentId: input.replyToCommentId, author: comment.author, siteId: siteCommentNumber(comment.url) };
    }
    const remembered = this.ctx.settings.get().commenter;
    return storage.drafts.create(
      {
        articleId: article.id,
        articleTitle: article.title,
        articleUrl: article.url,
        feedTitle: article.feedTitle,
        replyTo,
        body: input.body ?? '',
        name: input.name ?? remembered.name,
        email: input.email ?? remembered.email,
        website: input.website ?? remembered.website,
      },
      this.ctx.now(),
    );
  }

  /** An edit; with a base that no longer holds (sent, deleted or changed meanwhile), a new draft. */
  private edit(id: DraftId, input: DraftInput): { id: DraftId; keptApart?: SavedDraft['keptApart'] } {
    const { drafts } = this.ctx.storage;
    const current = drafts.get(id);
    if (!current) {
      if (input.base && input.articleId !== undefined) return { id: this.create(input), keptApart: 'closed' };
      throw new DraftError('draft not found', 'not-found');
    }
    if (input.articleId !== undefined && input.articleId !== current.articleId) {
      throw new DraftError('a draft stays with its article', 'invalid-arguments');
    }
    if (input.replyToCommentId !== undefined && input.replyToCommentId !== (current.replyTo?.commentId ?? null)) {
      throw new DraftError('a draft keeps the comment it answers: start a new one to answer another', 'invalid-arguments');
    }
    const text = {
      body: input.body ?? current.body,
      name: input.name ?? current.name,
      email: input.email ?? current.email,
      website: input.website ?? current.website,
    };
    if (input.base) {
      const written = drafts.updateTextFrom(id, input.base, text, this.ctx.now());
      if (written === 'saved') return { id };
      const apart = { ...text, articleId: current.articleId ?? undefined, replyToCommentId: current.replyTo?.commentId ?? null };
      return { id: this.create(apart), keptApart: written };
    }
    if (!drafts.updateText(id, text, this.ctx.now())) {
      throw new DraftError('This comment has been sent (or is being sent); it can no longer be edited.', 'failed');
    }
    return { id };
  }

  private remember(draft: Draft): void {
    const { settings } = this.ctx;
    const { commenter } = settings.get();
    if (commenter.name === draft.name && commenter.email === draft.email && commenter.website === draft.website) return;
    const next = settings.update({ commenter: { name: draft.name, email: draft.email, website: draft.website } });
    this.ctx.onSettingsChanged?.(next);
  }
}
