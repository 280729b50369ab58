// The dialog the feed management has open, if any (see hooks/use-feed-management.ts).
import type { Feed, Folder } from '../../../shared/types';
import type { FeedManagement } from '../hooks/use-feed-management';
import { ConfirmDialog } from './ConfirmDialog';
import { FeedPropertiesDialog } from './FeedPropertiesDialog';
import { MoveFeedDialog } from './MoveFeedDialog';
import { PromptDialog } from './PromptDialog';

export interface FeedDialogsProps {
  readonly management: FeedManagement;
  readonly folders: readonly Folder[];
  readonly onFeedChanged: (feed: Feed) => void;
}

export function FeedDialogs({ management, folders, onFeedChanged }: FeedDialogsProps) {
  const { dialog, close } = management;
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'new-folder':
      return <PromptDialog title="New folder" label="Name" initial="" submitLabel="Create" onSubmit={management.createFolder} onClose={close} />;
    case 'rename-folder':
      return (
        <PromptDialog title="Rename folder" label="Name" initial={dialog.folder.name} submitLabel="Rename" onSubmit={(name) => management.renameFolder(dialog.folder, name)} onClose={close} />
      );
    case 'rename-feed':
      return (
        <PromptDialog title="Rename feed" label="Name" initial={dialog.feed.title} submitLabel="Rename" onSubmit={(title) => management.renameFeed(dialog.feed, title)} onClose={close} />
      );
    case 'move-feed':
      return <MoveFeedDialog feed={dialog.feed} folders={folders} onMove={(folderId) => management.moveFeed(dialog.feed.id, folderId)} onClose={close} />;
    case 'unsubscribe':
      return (
        <ConfirmDialog
          title="Unsubscribe"
          message={`Unsubscribe from “${dialog.feed.title}”? Its articles are removed from this computer (starred ones too).`}
          confirmLabel="Unsubscribe"
          onConfirm={() => management.unsubscribe(dialog.feed)}
          onClose={close}
        />
      );
    case 'delete-folder':
      return (
        <ConfirmDialog
          title="Delete folder"
          message={`Delete the folder “${dialog.folder.name}”? Its feeds and folders move up a level; nothing is unsubscribed.`}
          confirmLabel="Delete folder"
          onConfirm={() => management.deleteFolder(dialog.folder)}
          onClose={close}
        />
      );
    case 'properties':
      return <FeedPropertiesDialog feed={dialog.feed} onChanged={onFeedChanged} onClose={close} />;
  }
}
